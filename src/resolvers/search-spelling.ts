import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';

/** The shortest word that may be corrected: a shorter one is one edit away from too many others. */
const SHORTEST_CORRECTED = 4;
/** How many of the nearest name words (by trigrams, from the index) are tried for one query word. */
const CANDIDATES = 30;

/** A word as the corrections compare it: lower case, without accents. */
const folded = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The corrections of the query words that find nothing: each word of four
 * letters or more that no search document holds (in neither of its forms,
 * stemmed and as written) is paired with the name word one edit or one swap
 * of neighbouring letters away, the nearest by trigrams first. `counts` are
 * the tables of lexeme counts (migration search_postings).
 */
function correctionsStatement(counts: string[]): string {
  const known = counts.map((table) => `(select coalesce(sum(c.hits), 0) from ${table} c where c.lexeme = l.lexeme)`).join(' + ');
  return `
    with asked as (select distinct w.word from unnest($1::text[]) as w(word)),
    unknown as (
      select a.word from asked a
       where not exists (
               select 1 from unnest(tsvector_to_array(to_tsvector('lekgotla_english', a.word) || to_tsvector('lekgotla_simple', a.word))) as l(lexeme)
                where ${known} > 0)
    )
    select u.word, c.word as correction
      from unknown u
      cross join lateral (
        select n.word from (select n.word, n.word <-> u.word as distance from search_name_word n order by n.word <-> u.word limit ${CANDIDATES}) as n
         where lekgotla_one_edit_apart(u.word, n.word)
         order by n.distance, n.word limit 1
      ) as c`;
}

/**
 * The query with each word that finds nothing replaced by the name it is a
 * slip of ("Ijoema" → "ijeoma"); words that find something, and short ones,
 * stay as they are. One statement, and none when no word is long enough.
 */
export async function correctSpelling(em: EntityManager, text: string, counts: string[]): Promise<string> {
  const words = [...new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).map(folded).filter((word) => word.length >= SHORTEST_CORRECTED))];
  if (words.length === 0) return text;
  const rows = await queryBound<{ word: string; correction: string }>(em, correctionsStatement(counts), [words]);
  if (rows.length === 0) return text;
  const corrections = new Map(rows.map((row) => [row.word, row.correction]));
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(folded(word)) ?? word);
}
