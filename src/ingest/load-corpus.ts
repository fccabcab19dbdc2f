import type { MikroORM } from '@mikro-orm/postgresql';
import { announceChange } from '../cache/change-notifications.js';
import { applyCorpus, type LoadReport } from './apply-corpus.js';
import { checkCorpus } from './check-corpus.js';
import { readCorpus } from './read-corpus.js';

/** Who the history names for loads from the command line and at first start. */
export const CORPUS_LOADER = 'corpus-load';

/**
 * Reads, checks and writes the curated corpus. Nothing is written unless the
 * whole corpus is valid, and the write is one transaction.
 */
export async function loadCorpus(orm: MikroORM, dataDirectory: string, corpusPath?: string): Promise<LoadReport> {
  const corpus = checkCorpus(await readCorpus(dataDirectory, corpusPath));
  return orm.em.fork().transactional(async (em) => {
    const { records } = await applyCorpus(em, corpus, { actor: CORPUS_LOADER, authority: 'editor' });
    await announceChange(em);
    return records;
  });
}
