import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';

/** Titles a name may carry that say nothing about who is meant. */
const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'adv', 'advocate', 'commissioner', 'hon', 'sir', 'dame']);

/** Lower-cased words of a name without accents, with punctuation and hyphens as word breaks and honorifics dropped. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !honorifics.has(word));
}

/**
 * What a name filter asks, as the values its SQL binds: a pattern per word
 * (each must start a word of the person's names), a pattern per initial (a
 * one-letter word, which a misspelling never excuses) and the longer words
 * joined, for the trigram fallback ('' when there are none).
 */
export type NameQuery = { patterns: string[]; initials: string[]; fuzzy: string };

/** The name filter `name` asks for, or null when it holds no word that names anyone. */
export function nameQuery(name: string): NameQuery | null {
  const words = nameWords(name);
  if (words.length === 0) return null;
  return {
    patterns: wordPatterns(words),
    initials: wordPatterns(words.filter((word) => word.length === 1)),
    fuzzy: words.filter((word) => word.length > 1).join(' '),
  };
}

/** Ids of people whose names match `name` (see nameMatches). */
export async function personIdsMatchingName(em: EntityManager, name: string): Promise<number[]> {
  const query = nameQuery(name);
  if (!query) return [];
  const rows = await queryBound<{ id: number }>(em, `select p.id from person p where ${nameMatches('p', '$1::text[]', '$2::text[]', '$3::text')}`, [
    query.patterns,
    query.initials,
    query.fuzzy,
  ]);
  return rows.map((row) => row.id);
}

/** Regular expressions that each match a word starting with one of `words`. */
export const wordPatterns = (words: readonly string[]) => words.map((word) => `\\m${word}`);

/** An SQL regular expression matching an honorific as a whole word (the set above holds letters only). */
const honorificWords = `'\\m(${[...honorifics].join('|')})\\M'`;

/**
 * SQL that holds when person `person`'s names (honorifics aside) match a
 * NameQuery bound as the SQL expressions `patterns`, `initials` and `fuzzy`:
 * every word starts a word of their names ("levin r", "Prof Levin", "Fraser
 * Moleketi"), or the longer words are trigram-close to their names (a
 * misspelling: "Levine") while every initial still starts one of their
 * names, so that "R Singh" never finds Dr M Singh.
 */
export function nameMatches(person: string, patterns: string, initials: string, fuzzy: string): string {
  const words = `regexp_replace(regexp_replace(${person}.search_names, '[^a-z0-9]+', ' ', 'g'), ${honorificWords}, ' ', 'g')`;
  const allMatch = (list: string) => `coalesce((select bool_and(${words} ~ pattern.value) from unnest(${list}) as pattern(value)), true)`;
  return `(${allMatch(patterns)} or (${fuzzy} <> '' and ${fuzzy} <% ${person}.search_names and ${allMatch(initials)}))`;
}
