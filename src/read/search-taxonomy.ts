/** Alternatives of a web-search query: the text between its ORs. */
const OR = /\s+or\s+/i;

/** The alternatives of a query, in order. */
export const alternativesOf = (text: string): string[] => text.trim().split(OR);

/** The alternative as a single word (trimmed), or '' when it is anything else: several words, a phrase, a minus. */
export const plainWord = (alternative: string): string => (/^[\p{L}\p{N}]+$/u.test(alternative.trim()) ? alternative.trim() : '');

/**
 * Every name and synonym of each topic that the single word `word` (an SQL
 * expression) names — its name or one of its synonyms, the same words once
 * stemmed, so "Mentorships" is "mentorship" — as one array, null when it
 * names none.
 */
export const termsOf = (word: string) => `(
    select array_agg(distinct e.term order by e.term)
      from topic t
      cross join lateral unnest(array[lower(t.name)] || t.synonyms) as e(term)
     where exists (
             select 1 from unnest(array[lower(t.name)] || t.synonyms) as s(term)
              where numnode(phraseto_tsquery('lekgotla_english', s.term)) > 0
                and phraseto_tsquery('lekgotla_english', s.term) = phraseto_tsquery('lekgotla_english', ${word})))`;

const wordsOf = (term: string) => term.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

/**
 * The alternative and the terms that widen it, joined by OR: a term of one
 * word as it is, a longer one as a quoted phrase, unless one of its words is
 * already an alternative of its own (any text with the phrase has that word,
 * so the phrase would add no hit, and a query of single words is ranked from
 * the postings).
 */
export function widened(alternative: string, terms: string[]): string {
  const single = new Set([...terms, alternative.toLowerCase()].filter((term) => wordsOf(term).length === 1).map((term) => wordsOf(term)[0]!));
  const added = terms.filter((term) => term !== alternative.toLowerCase()).flatMap((term) => {
    const words = wordsOf(term);
    if (words.length === 1) return [words[0]!];
    return words.some((word) => single.has(word)) ? [] : [`"${words.join(' ')}"`];
  });
  return [alternative, ...new Set(added)].join(' OR ');
}
