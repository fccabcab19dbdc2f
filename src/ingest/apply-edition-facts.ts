import type { EntityClass, EntityData, FilterQuery, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Attendance,
  Conference,
  ConferenceSeries,
  Document,
  DocumentTopic,
  Outcome,
  Session,
  SessionDocument,
  Source,
  Topic,
} from '../entities/index.js';
import { ChangeAction, CitedKind, ProgrammeCompleteness, TopicOrigin } from '../entities/enums.js';
import { recordChange, snapshot, type Snapshot } from '../curation/history.js';
import { walkSessions, type MergedCorpus } from './check-corpus.js';
import type { CitationInput, ConferenceInput, OrganisationInput, SeriesInput } from './corpus.schema.js';

/** What a load did, by kind of record (the shape of apply-corpus's LoadReport). */
type Report = Record<string, { created: number; updated: number; unchanged: number; removed?: number }>;

type Options = { actor: string; absentMeans: 'empty' | 'unknown' };

/** Compares a stored value with a corpus value: references by id, absent as null. */
function sameValue(stored: unknown, given: unknown): boolean {
  const comparable = (value: unknown) =>
    value === undefined ? null : value !== null && typeof value === 'object' && 'id' in value ? value.id : value;
  return JSON.stringify(comparable(stored)) === JSON.stringify(comparable(given));
}

type AbsentMeans = Options['absentMeans'];

/*
 * The columns below belong to records applyCorpus writes (a series, an
 * edition, an organisation), so it writes them in the same upsert: the record
 * is created or changed once, with one version and one history entry.
 */

/** A series' sphere and province. */
export function seriesColumns(entry: SeriesInput) {
  return { sphere: entry.sphere ?? null, province: entry.province ?? null };
}

/** How complete an edition's programme is. Absent from the curated corpus it is UNKNOWN; absent from an import, it stays. */
export function conferenceColumns(entry: ConferenceInput, absentMeans: AbsentMeans) {
  const completeness = entry.programme?.completeness ?? (absentMeans === 'empty' ? ProgrammeCompleteness.UNKNOWN : undefined);
  return { ...(completeness && { programmeCompleteness: completeness }), programmeNote: entry.programme?.note ?? null };
}

/**
 * An organisation's place among its parent's units: the order in which the
 * curated corpus lists the units of one parent (a department's sections). An
 * import keeps the curated order; the units it adds come after, by name.
 */
export function organisationColumns(corpus: MergedCorpus, entry: OrganisationInput, absentMeans: AbsentMeans) {
  if (absentMeans === 'unknown' || !entry.parent) return { ordinal: null };
  const siblings = corpus.organisations.filter((other) => other.entry.parent === entry.parent);
  return { ordinal: siblings.findIndex((sibling) => sibling.entry.key === entry.key) };
}

/**
 * Writes what a corpus says beside the programme: documents and what sessions
 * did with them, an edition's outcomes, how complete its programme is and its
 * attendance figures, a series' yearly figures, and the citations of a
 * series' sphere and of a programme's completeness. Runs after
 * applyCorpus has written the records these facts belong to, in the same
 * transaction; adds its tallies to `report` and its entries to the history.
 */
export async function applyEditionFacts(em: EntityManager, corpus: MergedCorpus, options: Options, report: Report): Promise<void> {
  const cited: Array<{ kind: CitedKind; record: { id: number }; cites: CitationInput[] }> = [];
  const changes: Array<{ record: { id: number }; recordType: string; before?: Snapshot }> = [];
  const tally = (name: string) => (report[name] ??= { created: 0, updated: 0, unchanged: 0 });

  /** Finds the record `where` names, creating it with `data` or bringing it up to `data`, tallied under `name`. */
  const upsert = async <T extends { id: number }>(name: string, entity: EntityClass<T>, where: FilterQuery<T> & object, data: EntityData<T>): Promise<T> => {
    const found = await em.findOne(entity, where);
    if (!found) {
      tally(name).created += 1;
      const created = em.create(entity, { ...where, ...data } as RequiredEntityData<T>);
      changes.push({ record: created, recordType: entity.name });
      return created;
    }
    // An import adds to what is known: a value it leaves out keeps the stored one.
    const given = options.absentMeans === 'unknown' ? Object.fromEntries(Object.entries(data).filter(([, value]) => value != null)) : data;
    const changed = Object.entries(given).some(([field, value]) => !sameValue((found as Record<string, unknown>)[field], value));
    tally(name)[changed ? 'updated' : 'unchanged'] += 1;
    if (changed) {
      changes.push({ record: found, recordType: entity.name, before: snapshot(em, found) });
      // Every field these facts update is a plain column, which the unit of work compares at flush.
      Object.assign(found, given);
    }
    return found;
  };

  const seriesBySlug = new Map<string, ConferenceSeries>();
  for (const { entry } of corpus.series) {
    const series = await em.findOneOrFail(ConferenceSeries, { slug: entry.slug });
    seriesBySlug.set(entry.slug, series);
    cited.push({ kind: CitedKind.CONFERENCE_SERIES, record: series, cites: entry.cite ?? [] });
    for (const figure of entry.attendance ?? []) {
      const attendance = await upsert(
        'Attendance',
        Attendance,
        { series, conference: null, kind: figure.kind, figure: figure.figure },
        { approximate: figure.approximate, counts: figure.counts ?? null },
      );
      cited.push({ kind: CitedKind.ATTENDANCE, record: attendance, cites: figure.cite });
    }
  }

  const documents = new Map<string, Document>();
  for (const { entry } of corpus.documents) {
    const document = await upsert('Document', Document, { key: entry.key }, { title: entry.title, kind: entry.kind, description: entry.description ?? null });
    documents.set(entry.key, document);
    cited.push({ kind: CitedKind.DOCUMENT, record: document, cites: entry.cite });
  }
  await em.flush();
  for (const { entry } of corpus.documents) {
    const document = documents.get(entry.key)!;
    for (const link of entry.topics) {
      const topic = await em.findOneOrFail(Topic, { slug: link.topic });
      await upsert('DocumentTopic', DocumentTopic, { document, topic, origin: TopicOrigin.CURATED }, { evidence: link.evidence });
    }
  }

  for (const { entry } of corpus.conferences) {
    const series = seriesBySlug.get(entry.series) ?? (await em.findOneOrFail(ConferenceSeries, { slug: entry.series }));
    const conference = await em.findOneOrFail(Conference, { series, year: entry.year });
    if (entry.programme) cited.push({ kind: CitedKind.PROGRAMME_COMPLETENESS, record: conference, cites: entry.programme.cite });
    for (const [ordinal, input] of (entry.outcomes ?? []).entries()) {
      const outcome = await upsert('Outcome', Outcome, { conference, ordinal }, { kind: input.kind, text: input.text });
      cited.push({ kind: CitedKind.CONFERENCE_OUTCOME, record: outcome, cites: input.cite });
    }
    for (const figure of entry.attendance ?? []) {
      const attendance = await upsert(
        'Attendance',
        Attendance,
        { series, conference, kind: figure.kind, figure: figure.figure },
        { approximate: figure.approximate, counts: figure.counts ?? null },
      );
      cited.push({ kind: CitedKind.ATTENDANCE, record: attendance, cites: figure.cite });
    }
    for (const day of entry.days) {
      for (const { session: input } of walkSessions(day.sessions, 'sessions')) {
        if (!input.documents?.length) continue;
        const session = await em.findOneOrFail(Session, { conference, ref: input.ref });
        for (const link of input.documents) {
          const document = documents.get(link.document)!;
          const mention = await upsert('SessionDocument', SessionDocument, { session, document, action: link.action }, {});
          cited.push({ kind: CitedKind.SESSION_DOCUMENT, record: mention, cites: link.cite });
        }
      }
    }
  }

  await em.flush();

  const sources = new Map((await em.find(Source, {})).map((source) => [source.key, source]));
  const citations = tally('Citation');
  for (const { kind, record, cites } of cited) {
    for (const cite of cites) {
      const inserted = await em.execute<{ affectedRows: number }>(
        `insert into citation (subject_kind, subject_id, source_id, excerpt) values (?, ?, ?, ?) on conflict do nothing`,
        [kind, record.id, sources.get(cite.source)!.id, cite.excerpt],
        'run',
      );
      citations[inserted.affectedRows > 0 ? 'created' : 'unchanged'] += 1;
    }
  }
  for (const { record, recordType, before } of changes) {
    recordChange(em, {
      actor: options.actor,
      action: before ? ChangeAction.UPDATE : ChangeAction.CREATE,
      recordType,
      recordId: record.id,
      before,
      after: snapshot(em, record),
      note: 'corpus import',
    });
  }
  await em.flush();
}
