import type { EntityManager } from '@mikro-orm/postgresql';

/** Titles a name may carry that say nothing about who is meant. */
const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'adv', 'advocate', 'commissioner', 'hon', 'sir', 'dame']);

/** Lower-cased words of a name, with punctuation and hyphens as word breaks and honorifics dropped. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !honorifics.has(word));
}

/**
 * Ids of people any of whose names contains every word of `name` as the
 * start of a word, so "levin r", "Fraser Moleketi" and "Prof Levin" all find
 * their person.
 */
export async function personIdsMatchingName(em: EntityManager, name: string): Promise<number[]> {
  const words = nameWords(name);
  if (words.length === 0) return [];
  const patterns = words.map((word) => `\\m${word.replace(/[^a-z0-9]/g, '')}`);
  const rows = await em.execute<Array<{ id: number }>>(
    `select p.id from person p
      where exists (
        select 1 from unnest(p.aliases || p.display_name) as alias(name)
         where (select bool_and(regexp_replace(lower(alias.name), '[^a-z0-9]+', ' ', 'g') ~ pattern.value)
                  from jsonb_array_elements_text(?::jsonb) as pattern(value))
      )`,
    [JSON.stringify(patterns)],
  );
  return rows.map((row) => row.id);
}
