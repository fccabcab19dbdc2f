import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import type { Window } from './page-window.js';
import { nameWords } from './person-names.js';
import { forgivingQuery } from './search-forgiveness.js';
import { lexemeCounts, pageStatement, searchPlan, statementsFor, type SearchPlan, type SearchQuery, type SearchRow } from './search-query.js';
import { foldPunctuation } from './search-text.js';
import type { SearchType } from './search-type.js';

/** A query as the reader typed it, made ready to read a page of its hits: the query to search and which way it ranks. */
export type PreparedSearch = { query: SearchQuery; plan: SearchPlan };

/**
 * Prepares a query as the reader typed it: punctuation folded, words that
 * find nothing corrected or widened to their topic, and its plan read. One
 * statement when no word needed help (the one that looks for such words also
 * reads the plan, or the plan alone when no word could need help), two when
 * one did (the plan of the new query follows).
 */
export async function prepareSearch(em: EntityManager, query: string, types: SearchType[]): Promise<PreparedSearch> {
  const { text, corrected, plan } = await forgivingQuery(em, foldPunctuation(query), lexemeCounts(), statementsFor(types).planOf);
  return { query: { text, name: nameWords(corrected).join(' ') }, plan: plan ?? (await searchPlan(em, text, types)) };
}

/**
 * The page of hits of a query as the reader typed it, prepared (prepareSearch)
 * then ranked (pageStatement): two statements when no word needed help,
 * three otherwise. The rows carry ids; the records are the caller's.
 */
export async function searchRows(em: EntityManager, query: string, types: SearchType[], window: Window): Promise<SearchRow[]> {
  const prepared = await prepareSearch(em, query, types);
  const { sql, values } = pageStatement(types, prepared.query, prepared.plan, window);
  return queryBound<SearchRow>(em, sql, values);
}
