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
 * Ids of people whose names match `name` forgivingly: every word starts a
 * word of one of their names ("levin r", "Prof Levin", "Fraser Moleketi"),
 * or the name is close to theirs by trigram similarity (a misspelling).
 */
export async function personIdsMatchingName(em: EntityManager, name: string): Promise<number[]> {
  const words = nameWords(name);
  if (words.length === 0) return [];
  const rows = await queryBound<{ id: number }>(em, `select p.id from person p where ${nameMatches('p', '$1::text[]', '$2::text')}`, [
    wordPatterns(words),
    words.join(' '),
  ]);
  return rows.map((row) => row.id);
}

/** Regular expressions that each match a word starting with one of `words`. */
export const wordPatterns = (words: readonly string[]) => words.map((word) => `\\m${word}`);

/**
 * SQL that holds when person `person`'s names match: every pattern of the
 * text array `patterns` matches a word of theirs, or the words, joined, are
 * trigram-close to their names.
 */
export function nameMatches(person: string, patterns: string, joinedWords: string): string {
  return `((select bool_and(regexp_replace(${person}.search_names, '[^a-z0-9]+', ' ', 'g') ~ pattern.value)
            from unnest(${patterns}) as pattern(value))
         or ${joinedWords} <% ${person}.search_names)`;
}
