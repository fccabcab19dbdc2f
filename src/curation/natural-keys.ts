import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** "Fraser-Moleketi", "G J" → "fraser-moleketi-g-j": lower-case words joined by hyphens, accents dropped. */
export function slugOf(...parts: Array<string | undefined | null>): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A natural key not yet taken: the slug itself, else the slug with -2, -3, … */
export async function freeKey<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  field: 'key' | 'slug' | 'ref',
  slug: string,
  scope: object = {},
): Promise<string> {
  const taken = new Set(
    (await em.find(entity, { ...scope, [field]: { $like: `${slug}%` } } as FilterQuery<T>)).map(
      (record) => (record as Record<string, string>)[field],
    ),
  );
  if (!taken.has(slug)) return slug;
  let suffix = 2;
  while (taken.has(`${slug}-${suffix}`)) suffix += 1;
  return `${slug}-${suffix}`;
}
