import { searchHitKinds } from '../db/search-kinds.js';
import { namedRecords, wordsOf } from '../db/search-name-words-sql.js';
import { refillPostings } from '../db/search-postings-sql.js';

/**
 * The tables whose triggers keep the search data (postings and counts, name
 * words, position documents, session contexts) beside the loaded ones: the
 * topic links tagging writes and the derived documents themselves.
 */
const KEPT_BY_TRIGGERS = ['session_topic', 'conference_topic', 'organisation_topic', 'search_document_position', 'search_context_session'];

/**
 * A bulk load runs with those triggers off and rebuilds what they keep once,
 * at the end: through the triggers, each COPY batch and the tagging re-indexed
 * every touched session's postings one batch at a time, which at scale 10 did
 * not finish in an hour. ALTER TABLE … DISABLE TRIGGER is transactional, so
 * other sessions never see the triggers off.
 */
export function searchTriggers(loaded: readonly string[], state: 'enable' | 'disable'): string[] {
  return [...loaded, ...KEPT_BY_TRIGGERS].map((table) => `alter table "${table}" ${state} trigger user`);
}

/**
 * Everything the search triggers would have written, written again from the
 * records as they are: name words (only ever added), position documents,
 * session contexts, then every kind's postings and counts in one pass each.
 */
export const rebuildSearchData: readonly string[] = [
  ...namedRecords.map(({ table, names }) => `insert into "search_name_word" (word) ${wordsOf(names, `"${table}"`)} on conflict do nothing`),
  'select lekgotla_refresh_position_documents(array(select id from "position"))',
  'select lekgotla_refresh_session_context(array(select id from "session"))',
  ...searchHitKinds.flatMap(refillPostings),
];
