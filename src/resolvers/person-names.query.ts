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
  const patterns = words.map((word) => `\\m${word}`);
  const rows = await queryBound<{ id: number }>(
    em,
    `select p.id from person p
      where (select bool_and(regexp_replace(p.search_names, '[^a-z0-9]+', ' ', 'g') ~ pattern.value)
               from unnest($1::text[]) as pattern(value))
         or $2::text <% p.search_names`,
    [patterns, words.join(' ')],
  );
  return rows.map((row) => row.id);
}
