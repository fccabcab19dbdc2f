import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';

/** Alternatives of a web-search query: the text between its ORs. */
const OR = /\s+or\s+/i;

/**
 * For each alternative (by its position, from 1) that is a topic's name or
 * one of its synonyms — the same words once stemmed, so "Mentorships" is
 * "mentorship" — every name and synonym of that topic (of every such topic).
 */
const TERMS = `
  select a.position::int as position, array_agg(distinct e.term order by e.term) as terms
    from unnest($1::text[]) with ordinality as a(text, position)
    join topic t on exists (
           select 1 from unnest(array[lower(t.name)] || t.synonyms) as s(term)
            where numnode(phraseto_tsquery('lekgotla_english', s.term)) > 0
              and phraseto_tsquery('lekgotla_english', s.term) = phraseto_tsquery('lekgotla_english', a.text))
    cross join lateral unnest(array[lower(t.name)] || t.synonyms) as e(term)
   group by a.position`;

const wordsOf = (term: string) => term.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

/**
 * The alternative and the terms that widen it, joined by OR: a term of one
 * word as it is, a longer one as a quoted phrase, unless one of its words is
 * already an alternative of its own (any text with the phrase has that word,
 * so the phrase would add no hit, and a query of single words is ranked from
 * the postings).
 */
function widened(alternative: string, terms: string[]): string {
  const single = new Set([...terms, alternative.toLowerCase()].filter((term) => wordsOf(term).length === 1).map((term) => wordsOf(term)[0]!));
  const added = terms.filter((term) => term !== alternative.toLowerCase()).flatMap((term) => {
    const words = wordsOf(term);
    if (words.length === 1) return [words[0]!];
    return words.some((word) => single.has(word)) ? [] : [`"${words.join(' ')}"`];
  });
  return [alternative, ...new Set(added)].join(' OR ');
}

/**
 * The query with the taxonomy's synonyms added: an alternative of one word
 * that names a topic (its name or a synonym, see data/corpus/topics.yaml) is
 * widened to every name and synonym of that topic, so "mentorship" finds
 * what is said of coaching and mentoring. Several words side by side, quotes
 * and a leading minus are the reader's own, narrower, question, and stay as
 * written: "leadership challenges" asks for both words, not for the topic.
 */
export async function withSynonyms(em: EntityManager, text: string): Promise<string> {
  const alternatives = text.trim().split(OR);
  const plain = alternatives.map((alternative) => (/^[\p{L}\p{N}]+$/u.test(alternative.trim()) ? alternative.trim() : ''));
  if (plain.every((alternative) => alternative === '')) return text;
  const rows = await queryBound<{ position: number; terms: string[] }>(em, TERMS, [plain]);
  if (rows.length === 0) return text;
  const terms = new Map(rows.map((row) => [row.position, row.terms]));
  return alternatives.map((alternative, index) => {
    const found = terms.get(index + 1);
    return found ? widened(alternative, found) : alternative;
  }).join(' OR ');
}
