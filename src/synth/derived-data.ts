import { searchHitKinds } from '../db/search-kinds.js';
import { namedRecords, wordsOf } from '../db/search-name-words-sql.js';
import { refillPostings } from '../db/search-postings-sql.js';
import { refillTopicProgramme } from '../db/topic-programme-sql.js';

/**
 * The tables whose triggers keep derived data (search postings and counts,
 * name words, position documents, session contexts; the topics' programmes)
 * beside the loaded ones: the topic links tagging writes and the derived
 * documents themselves.
 */
const KEPT_BY_TRIGGERS = ['session_topic', 'conference_topic', 'organisation_topic', 'search_document_position', 'search_context_session'];

/**
 * A bulk load runs with those triggers off and rebuilds what they keep once,
 * at the end: through the triggers, each COPY batch and the tagging re-indexed
 * every touched session's postings one batch at a time, which at scale 10 did
 * not finish in an hour. ALTER TABLE … DISABLE TRIGGER is transactional, so
 * other sessions never see the triggers off.
 */
export function derivingTriggers(loaded: readonly string[], state: 'enable' | 'disable'): string[] {
  return [...loaded, ...KEPT_BY_TRIGGERS].map((table) => `alter table "${table}" ${state} trigger user`);
}

/**
 * Everything those triggers would have written, written again from the
 * records as they are: name words (only ever added), position documents,
 * session contexts, every kind's postings and counts in one pass each, and
 * the topics' programmes (src/db/topic-programme-sql.ts).
 */
export const rebuildDerivedData: readonly string[] = [
  ...namedRecords.map(({ table, names }) => `insert into "search_name_word" (word) ${wordsOf(names, `"${table}"`)} on conflict do nothing`),
  'select lekgotla_refresh_position_documents(array(select id from "position"))',
  'select lekgotla_refresh_session_context(array(select id from "session"))',
  ...searchHitKinds.flatMap(refillPostings),
  refillTopicProgramme,
];
