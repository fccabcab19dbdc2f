import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Source } from '../entities/index.js';
import { ChangeAction, ClaimStatus, type CitedKind } from '../entities/enums.js';
import { recordChange, snapshot, type Snapshot } from './history.js';
import { comparable, decideField, isEmpty, sameValue, type FieldRule } from './merge-rules.js';

/**
 * Who decides a field's value. An editor (a curation mutation, or the curated
 * corpus, which is the editors' own record) sets it. A source being imported
 * only adds: its values go through the merge rules, and a value that differs
 * from a known one becomes a claim.
 */
export type Authority = 'editor' | 'source';

/** The words a value was read from: they travel with every change and claim an import reports. */
export type Provenance = { sourceKey?: string; excerpt?: string };

/** One field an import (or load) changes, before → after. */
export type FieldChange = {
  /** Stable across runs of the same input: a review names the changes it rejects by it. */
  key: string;
  recordType: string;
  /** The record's natural key ("saps", "sms 2008", "levin-r-m: Director-General at dpsa"). */
  recordKey: string;
  field: string;
  before: unknown;
  after: unknown;
  /** False when the review rejected it: the field keeps its value. */
  applied: boolean;
  /**
   * Whether a review may reject it: a change to a field of a known record. A
   * new record's fields come with the record, and a source joins the sources
   * of the conference it describes with the source.
   */
  rejectable: boolean;
} & Provenance;

/** A source's value that differs from the known one: reported, and kept as a claim. */
export type FieldConflict = {
  key: string;
  recordType: string;
  recordKey: string;
  field: string;
  known: unknown;
  claimed: unknown;
  /** OPEN until an editor decides; ACCEPTED or KEPT when the import's review decided it. */
  status: ClaimStatus;
} & Provenance;

/** An editor's review of an import's dry run, by the keys it reported. */
export type Review = {
  /** Changes not to make: the field keeps its known value. */
  rejectedChanges: ReadonlySet<string>;
  /** Conflicts whose claimed value replaces the known one. */
  acceptedConflicts: ReadonlySet<string>;
  /** Conflicts decided for the known value: the claim is kept as KEPT, not left open. */
  keptConflicts: ReadonlySet<string>;
};

export type Tally = { created: number; updated: number; unchanged: number; removed?: number };

export type WriterOptions = {
  actor: string;
  authority: Authority;
  /** Names the import in the history and on its claims. */
  importId?: string;
  /** What the history says about each change. */
  note?: string;
  review?: Review;
};

type Touched = { record: { id: number }; recordType: string; before?: Snapshot; changed: boolean };
type PendingClaim = FieldConflict & { record: { id: number } };
type PendingCitation = { kind: CitedKind; record: { id: number }; cites: Array<{ source: string; excerpt: string }> };

function stableKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** How a value reads in a report: references by their natural key, else as stored. */
export function describeValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const name of ['key', 'slug', 'ref'] as const) {
      if (name in value) return (value as Record<typeof name, unknown>)[name];
    }
  }
  return comparable(value);
}

/**
 * The one place facts are written: every aggregate's write function (in
 * src/curation/*-write.ts) goes through it. It applies the merge rules,
 * reports each field it changes and each conflict, keeps conflicts as
 * claims, attaches citations and records the history, all in the caller's
 * transaction.
 */
export class RecordWriter {
  readonly changes: FieldChange[] = [];
  readonly conflicts: FieldConflict[] = [];
  readonly tallies: Record<string, Tally> = {};
  private readonly touched = new Map<object, Touched>();
  private readonly claims: PendingClaim[] = [];
  private readonly citations: PendingCitation[] = [];

  private note: string | undefined;

  constructor(
    readonly em: EntityManager,
    readonly options: WriterOptions,
  ) {
    this.note = options.note;
  }

  /** What the history says about the changes, when it is known only once the evidence is attached. */
  describe(note: string): void {
    this.note = note;
  }

  private tally(recordType: string): Tally {
    return (this.tallies[recordType] ??= { created: 0, updated: 0, unchanged: 0 });
  }

  /** Registers a record just created (and persisted) with its fields, each reported as a change from nothing. */
  created<T extends { id: number }>(record: T, recordType: string, recordKey: string, fields: object, provenance: Provenance): T {
    this.em.persist(record);
    this.tally(recordType).created += 1;
    this.touched.set(record, { record, recordType, changed: true });
    for (const [field, value] of Object.entries(fields)) {
      if (isEmpty(value)) continue;
      const after = describeValue(value);
      this.changes.push({ key: stableKey(recordType, recordKey, field, after), recordType, recordKey, field, before: null, after, applied: true, rejectable: false, ...provenance });
    }
    return record;
  }

  /** Counts a record found unchanged or changed, once it has been merged. */
  private found(record: { id: number }, recordType: string): Touched {
    let entry = this.touched.get(record);
    if (!entry) {
      entry = { record, recordType, before: snapshot(this.em, record), changed: false };
      this.touched.set(record, entry);
      this.tally(recordType).unchanged += 1;
    }
    return entry;
  }

  private markChanged(entry: Touched): void {
    if (entry.changed) return;
    entry.changed = true;
    if (entry.before) {
      this.tally(entry.recordType).unchanged -= 1;
      this.tally(entry.recordType).updated += 1;
    }
  }

  /**
   * Sets one field to a value the rules (or an editor) chose, reporting it;
   * a change the review rejected is skipped. Returns whether it was set.
   */
  set<T extends { id: number }, K extends keyof T & string>(
    record: T,
    recordType: string,
    recordKey: string,
    field: K,
    value: T[K],
    provenance: Provenance,
  ): boolean {
    const entry = this.found(record, recordType);
    if (sameValue(record[field], value)) return false;
    const before = describeValue(record[field]);
    const after = describeValue(value);
    const key = stableKey(recordType, recordKey, field, after);
    const applied = !this.options.review?.rejectedChanges.has(key);
    this.changes.push({ key, recordType, recordKey, field, before, after, applied, rejectable: true, ...provenance });
    if (!applied) return false;
    record[field] = value;
    this.markChanged(entry);
    return true;
  }

  /**
   * Records that a source states `claimed` where `record[field]` holds
   * another value: reported, and kept as an open claim (or applied, or kept
   * as decided, when the review says so).
   */
  conflict<T extends { id: number }, K extends keyof T & string>(
    record: T,
    recordType: string,
    recordKey: string,
    field: K,
    claimed: T[K],
    provenance: Provenance,
  ): void {
    this.found(record, recordType);
    const known = describeValue(record[field]);
    const value = describeValue(claimed);
    const key = stableKey('conflict', recordType, recordKey, field, value);
    const review = this.options.review;
    const status = review?.acceptedConflicts.has(key) ? ClaimStatus.ACCEPTED : review?.keptConflicts.has(key) ? ClaimStatus.KEPT : ClaimStatus.OPEN;
    const conflict = { key, recordType, recordKey, field, known, claimed: value, status, ...provenance };
    this.conflicts.push(conflict);
    this.claims.push({ ...conflict, record });
    if (status === ClaimStatus.ACCEPTED) this.set(record, recordType, recordKey, field, claimed, provenance);
  }

  /**
   * Merges a source's (or an editor's) values into a found record, field by
   * field. An editor's values are set; a source's go through `rules`. A value
   * left out (undefined) is never touched; null empties a field only when an
   * editor sends it.
   */
  merge<T extends { id: number }, K extends keyof T & string>(
    record: T,
    recordType: string,
    recordKey: string,
    fields: { [F in K]?: T[F] },
    rules: { [F in K]?: FieldRule },
    provenance: Provenance,
  ): T {
    this.found(record, recordType);
    for (const field of Object.keys(fields) as K[]) {
      if (!(field in fields)) continue;
      const given = fields[field] as T[K];
      if (given === undefined) continue;
      if (this.options.authority === 'editor') {
        this.set(record, recordType, recordKey, field, given, provenance);
        continue;
      }
      const verdict = decideField(rules[field] ?? 'value', record[field], given);
      if (verdict.kind === 'take') this.set(record, recordType, recordKey, field, verdict.value, provenance);
      else if (verdict.kind === 'conflict') this.conflict(record, recordType, recordKey, field, verdict.value, provenance);
    }
    return record;
  }

  /** Reports a change to a collection (the sources a conference has), made by the caller. */
  collectionChanged(record: { id: number }, recordType: string, recordKey: string, field: string, before: string[], after: string[], provenance: Provenance): void {
    const entry = this.found(record, recordType);
    const key = stableKey(recordType, recordKey, field, after);
    this.changes.push({ key, recordType, recordKey, field, before, after, applied: true, rejectable: false, ...provenance });
    this.markChanged(entry);
  }

  /** Citations to attach once every record has its id. */
  cite(kind: CitedKind, record: { id: number }, cites: Array<{ source: string; excerpt: string }>): void {
    this.citations.push({ kind, record, cites });
  }

  /**
   * Writes what was gathered: citations (each once), claims (each once per
   * record, field and value), and the history of every record created or
   * changed. `sources` finds the source a citation's key names.
   */
  async finish(sources: (key: string) => Source | undefined): Promise<void> {
    await this.em.flush();
    const citationTally = (this.tallies.Citation ??= { created: 0, updated: 0, unchanged: 0 });
    for (const { kind, record, cites } of this.citations) {
      for (const cite of cites) {
        const source = sources(cite.source) ?? (await this.em.findOneOrFail(Source, { key: cite.source }));
        const inserted = await this.em.execute<{ affectedRows: number }>(
          `insert into citation (subject_kind, subject_id, source_id, excerpt) values (?, ?, ?, ?) on conflict do nothing`,
          [kind, record.id, source.id, cite.excerpt],
          'run',
        );
        citationTally[inserted.affectedRows > 0 ? 'created' : 'unchanged'] += 1;
      }
    }
    for (const claim of this.claims) {
      const source = claim.sourceKey ? (sources(claim.sourceKey) ?? (await this.em.findOne(Source, { key: claim.sourceKey }))) : null;
      const inserted = await this.em.execute<{ affectedRows: number }>(
        `insert into claim (record_type, record_id, field, value, held_value, source_id, excerpt, status, import_id, created_by, decided_at, decided_by)
         values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
        [
          claim.recordType,
          claim.record.id,
          claim.field,
          JSON.stringify(claim.claimed),
          JSON.stringify(claim.known),
          source?.id ?? null,
          claim.excerpt ?? null,
          claim.status,
          this.options.importId ?? null,
          this.options.actor,
          claim.status === ClaimStatus.OPEN ? null : new Date(),
          claim.status === ClaimStatus.OPEN ? null : this.options.actor,
        ],
        'run',
      );
      (this.tallies.Claim ??= { created: 0, updated: 0, unchanged: 0 })[inserted.affectedRows > 0 ? 'created' : 'unchanged'] += 1;
    }
    for (const { record, recordType, before, changed } of this.touched.values()) {
      if (!changed) continue;
      recordChange(this.em, {
        actor: this.options.actor,
        action: before ? ChangeAction.UPDATE : ChangeAction.CREATE,
        recordType,
        recordId: record.id,
        before,
        after: snapshot(this.em, record),
        note: this.note,
        importId: this.options.importId,
      });
    }
    await this.em.flush();
  }
}
