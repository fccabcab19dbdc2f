import type { EntityManager } from '@mikro-orm/postgresql';
import type { Window } from '../read/page-window.js';
import { nameWords } from '../read/person-names.js';
import { lexemeCounts, searchRecords, type SearchRow } from './search.query.js';
import { correctSpelling } from './search-spelling.js';
import { withSynonyms } from './search-taxonomy.js';
import { foldPunctuation } from './search-text.js';
import type { SearchType } from './search.types.js';

/**
 * The page of hits of a query as the reader typed it: punctuation folded,
 * misspelt words corrected, topic words widened to their synonyms, then
 * ranked (searchRecords). The rows carry ids; the records are the caller's.
 */
export async function searchRows(em: EntityManager, query: string, types: SearchType[], window: Window): Promise<SearchRow[]> {
  const corrected = await correctSpelling(em, foldPunctuation(query), lexemeCounts());
  const text = await withSynonyms(em, corrected);
  // The name is the query as typed (corrected): a topic's synonyms are not anyone's name.
  return searchRecords(em, { text, name: nameWords(corrected).join(' ') }, types, window);
}
