import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { queryBound } from '../db/bound-query.js';
import { facetsOf } from '../read/facets-sql.js';
import { SqlParams } from '../read/sql-params.js';

/** One facet of one connection's whole list: its node type, the facet's name, and the list's ids, read on demand. */
export type FacetKey = { nodeType: string; facet: string; ids: () => Promise<number[]> };
export type Bucket = { value: string | number; count: number };

/**
 * Facet buckets for many connections at once (a facet asked on every
 * organisation's sessions): one statement per node type and facet in a
 * batch, each list's buckets computed laterally over its own ids with the
 * read floor's SQL (src/read/facets-sql.ts), in its order.
 */
export function facetLoader(em: EntityManager) {
  return new DataLoader<FacetKey, Bucket[]>(
    async (keys) => {
      const groups = new Map<string, number[]>();
      keys.forEach((key, index) => {
        const group = `${key.nodeType}:${key.facet}`;
        groups.set(group, [...(groups.get(group) ?? []), index]);
      });
      const answers: Bucket[][] = keys.map(() => []);
      for (const indexes of groups.values()) {
        const { nodeType, facet } = keys[indexes[0]!]!;
        const sets = await Promise.all(indexes.map((index) => keys[index]!.ids()));
        const params = new SqlParams();
        const setNumbers = params.bind(sets.flatMap((ids, number) => ids.map(() => number)), 'int[]');
        const ids = params.bind(sets.flat(), 'int[]');
        const sql = facetsOf[nodeType]![facet]!;
        const rows = await queryBound<Bucket & { list: number }>(
          em,
          `select lists.list, b.value, b.count from generate_series(0, ${params.bind(sets.length - 1, 'int')}) as lists(list)
            cross join lateral (${sql.buckets(`select m.id from unnest(${setNumbers}, ${ids}) as m(list, id) where m.list = lists.list`)}) b
            order by lists.list, ${sql.order}`,
          params.values,
        );
        for (const { list, value, count } of rows) answers[indexes[list]!]!.push({ value, count });
      }
      return answers;
    },
    // Each connection asks once per facet; its key object is its own.
    { cache: false },
  );
}
