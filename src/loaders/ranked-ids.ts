import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Window } from '../read/page-window.js';
import type { RankedRelation } from '../read/relations.js';

export type RankedPage = { ids: number[]; totalCount: number };

/**
 * Pages of a relation for many owners at once: one statement per batch,
 * however many owners a query asks for, whatever the page.
 */
export function rankedIds(em: EntityManager, relation: RankedRelation) {
  return new DataLoader<{ owner: number; window: Window }, RankedPage, string>(
    async (keys) => {
      const owners = [...new Set(keys.map((key) => key.owner))];
      // Pages of one batch usually share a window (the same field on many parents); one statement per window.
      const windows = [...new Map(keys.map((key) => [`${key.window.offset}:${key.window.limit}`, key.window])).values()];
      const pages = new Map<string, RankedPage>();
      for (const window of windows) {
        const rows = await em.execute<Array<{ owner: number; id: number; position: number; total: number }>>(
          `select owner, id, position::int, total::int from (
             select r.owner, r.id,
                    row_number() over (partition by r.owner order by ${relation.order}) as position,
                    count(*) over (partition by r.owner) as total
               from (${relation.source}) as r
              where r.owner in (select value::int from jsonb_array_elements_text(?::jsonb))
           ) as ranked
           where position = 1 or (position > ? and position <= ?)
           order by owner, position`,
          [JSON.stringify(owners), window.offset, window.offset + window.limit],
        );
        for (const owner of owners) pages.set(`${owner}:${window.offset}:${window.limit}`, { ids: [], totalCount: 0 });
        for (const row of rows) {
          const page = pages.get(`${row.owner}:${window.offset}:${window.limit}`)!;
          page.totalCount = row.total;
          if (row.position > window.offset && row.position <= window.offset + window.limit) page.ids.push(row.id);
        }
      }
      return keys.map((key) => pages.get(`${key.owner}:${key.window.offset}:${key.window.limit}`)!);
    },
    { cacheKeyFn: (key) => `${key.owner}:${key.window.offset}:${key.window.limit}` },
  );
}

/** All ids related to each owner, in order: one statement per batch. */
export function relatedIds(em: EntityManager, relation: RankedRelation) {
  return new DataLoader<number, number[]>(async (owners) => {
    const rows = await em.execute<Array<{ owner: number; id: number }>>(
      `select r.owner, r.id from (${relation.source}) as r
        where r.owner in (select value::int from jsonb_array_elements_text(?::jsonb))
        order by r.owner, ${relation.order}`,
      [JSON.stringify(owners)],
    );
    const groups = new Map<number, number[]>(owners.map((owner) => [owner, []]));
    for (const row of rows) groups.get(row.owner)!.push(row.id);
    return owners.map((owner) => groups.get(owner)!);
  });
}
