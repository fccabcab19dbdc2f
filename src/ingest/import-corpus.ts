import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { announceChange } from '../cache/change-notifications.js';
import type { FieldChange, FieldConflict, Review } from '../curation/record-writer.js';
import { ReviewError } from '../curation/curation-errors.js';
import { refusalOf } from '../curation/database-refusals.js';
import { applyCorpus, type LoadReport } from './apply-corpus.js';
import { checkCorpus } from './check-corpus.js';
import type { Corpus } from './read-corpus.js';
import { recordPossibleDuplicates, resolveIdentities, type IdentityDecision } from './resolve-identities.js';

export type ImportOptions = {
  /** Who the history names. */
  actor: string;
  /** Work everything out, report it, and write nothing. */
  dryRun?: boolean;
  /** Called after each record is written; tests use it to fail an import halfway. */
  onRecord?: (written: number) => void;
  /** An editor's decisions on a dry run's changes and conflicts, by their keys. */
  review?: Review;
};

export type ImportReport = {
  /** Names this import in the history (Change.importId) and on its claims; a dry run's id names nothing stored. */
  importId: string;
  dryRun: boolean;
  /** False when the database already held everything the input says. */
  changed: boolean;
  records: LoadReport;
  /** How each person and organisation of the input was matched to the knowledge base. */
  identities: IdentityDecision[];
  /** Every field the import changes (or would), before → after, with the words it was read from. */
  changes: FieldChange[];
  /** Every value that differs from a known one: kept as a claim, the known value unchanged. */
  conflicts: FieldConflict[];
};

/** Thrown inside the transaction to roll a dry run back, carrying what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/**
 * A review names changes and conflicts by key: a key this import does not
 * report is a stale or mistyped review. Only a change to a known record can
 * be left out (a new record's fields come with it), so a rejected key must
 * name a change the import left out.
 */
function checkReview(review: Review, changes: FieldChange[], conflicts: FieldConflict[]): void {
  const changeKeys = new Set(changes.filter((change) => !change.applied).map((change) => change.key));
  const conflictKeys = new Set(conflicts.map((conflict) => conflict.key));
  const unknown = [
    ...[...review.rejectedChanges].filter((key) => !changeKeys.has(key)),
    ...[...review.acceptedConflicts, ...review.keptConflicts].filter((key) => !conflictKeys.has(key)),
  ];
  if (unknown.length > 0) throw new ReviewError(unknown);
}

/**
 * Imports a corpus: the whole input is checked before anything is written,
 * people and organisations are matched to the ones already known, and the
 * result is written in one transaction (or, for a dry run, rolled back).
 * What the knowledge base already holds is never replaced: a different value
 * is reported as a conflict and kept as a claim (src/curation/merge-rules.ts).
 */
export async function importCorpus(em: EntityManager, corpus: Corpus, options: ImportOptions): Promise<ImportReport> {
  const checked = checkCorpus(corpus);
  const importId = randomUUID();
  try {
    return await em.transactional(async (em) => {
      const resolution = await resolveIdentities(em, checked);
      const applied = await applyCorpus(em, resolution.corpus, { ...options, authority: 'source', importId });
      if (options.review) checkReview(options.review, applied.changes, applied.conflicts);
      await recordPossibleDuplicates(em, resolution);
      const changed = Object.values(applied.records).some((tally) => tally.created + tally.updated + (tally.removed ?? 0) > 0);
      const report: ImportReport = {
        importId,
        dryRun: options.dryRun ?? false,
        changed,
        records: applied.records,
        identities: resolution.decisions,
        changes: applied.changes,
        conflicts: applied.conflicts,
      };
      if (options.dryRun) throw new DryRunRollback(report);
      if (changed) await announceChange(em);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw refusalOf(error);
  }
}
