import type { EntityManager } from '@mikro-orm/postgresql';
import type { Window } from './page-window.js';
import { nameWords } from './person-names.js';
import { forgivingQuery } from './search-forgiveness.js';
import { lexemeCounts, searchRecords, searchStatements, type SearchRow } from './search-query.js';
import { foldPunctuation } from './search-text.js';
import type { SearchType } from './search-type.js';

/**
 * The page of hits of a query as the reader typed it: punctuation folded,
 * words that find nothing corrected or widened to their topic, then ranked
 * (searchRecords): two statements when no word needed help (the first also
 * reads the plan), three otherwise. The rows carry ids; the records are the caller's.
 */
export async function searchRows(em: EntityManager, query: string, types: SearchType[], window: Window): Promise<SearchRow[]> {
  const { text, corrected, plan } = await forgivingQuery(em, foldPunctuation(query), lexemeCounts(), searchStatements(types).planOf);
  return searchRecords(em, { text, name: nameWords(corrected).join(' ') }, types, window, plan);
}
