/** The shortest word that may be corrected: a shorter one is one edit away from too many others. */
export const SHORTEST_CORRECTED = 4;
/** How many of the nearest name words (by trigrams, from the index) are tried for one query word. */
const CANDIDATES = 30;

/** A word as the corrections compare it: lower case, without accents. */
export const folded = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a query text, as typed. */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether the (folded) word `word`, an SQL expression, is held by some
 * search document in either of its forms, stemmed and as written: a few
 * rows of the tables of lexeme counts (migration search_postings).
 */
export function isKnown(word: string, counts: string[]): string {
  const known = counts.map((table) => `(select coalesce(sum(c.hits), 0) from ${table} c where c.lexeme = l.lexeme)`).join(' + ');
  return `exists (
            select 1 from unnest(tsvector_to_array(to_tsvector('lekgotla_english', ${word}) || to_tsvector('lekgotla_simple', ${word}))) as l(lexeme)
             where ${known} > 0)`;
}

/**
 * The name word that the (folded, unknown) word `word`, an SQL expression,
 * is a slip of: one edit or one swap of neighbouring letters away, the
 * nearest by trigrams of the CANDIDATES nearest (a trigram GiST index gives
 * them in order, never reading every name). A lateral subquery of one column,
 * `word`, and at most one row.
 */
export const correctionOf = (word: string) => `
        select n.word from (select n.word, n.word <-> ${word} as distance from search_name_word n order by n.word <-> ${word} limit ${CANDIDATES}) as n
         where lekgotla_one_edit_apart(${word}, n.word)
         order by n.distance, n.word limit 1`;
