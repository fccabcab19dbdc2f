import type { EntityManager } from '@mikro-orm/postgresql';
import { announceChange } from '../cache/change-notifications.js';
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
};

export type ImportReport = {
  dryRun: boolean;
  /** False when the database already held everything the input says. */
  changed: boolean;
  records: LoadReport;
  /** How each person and organisation of the input was matched to the knowledge base. */
  identities: IdentityDecision[];
};

/** Thrown inside the transaction to roll a dry run back, carrying what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/**
 * Imports a corpus: the whole input is checked before anything is written,
 * people and organisations are matched to the ones already known, and the
 * result is written in one transaction (or, for a dry run, rolled back).
 */
export async function importCorpus(em: EntityManager, corpus: Corpus, options: ImportOptions): Promise<ImportReport> {
  const checked = checkCorpus(corpus);
  try {
    return await em.transactional(async (em) => {
      const resolution = await resolveIdentities(em, checked);
      const records = await applyCorpus(em, resolution.corpus, { ...options, absentMeans: 'unknown' });
      await recordPossibleDuplicates(em, resolution);
      const changed = Object.values(records).some((tally) => tally.created + tally.updated + (tally.removed ?? 0) > 0);
      const report: ImportReport = { dryRun: options.dryRun ?? false, changed, records, identities: resolution.decisions };
      if (options.dryRun) throw new DryRunRollback(report);
      if (changed) await announceChange(em);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}
