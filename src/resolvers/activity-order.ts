import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { queryBound } from '../db/bound-query.js';
import type { RecordLoader } from '../loaders/record-loader.js';
import type { EntityRecord } from '../loaders/record-types.js';
import { findIds } from '../loaders/records.js';
import { activityOrdering, type ActivityOwner } from '../read/activity-sql.js';
import type { PageArgs } from '../read/page-window.js';
import { SqlParams } from '../read/sql-params.js';
import type { ActivityOrder, ActivityWindow } from './activity.types.js';
import { paginate, type Connection } from './connection.js';

/**
 * A page of the records `where` finds, ordered by their activity in the
 * window with the read floor's ORDER BY (src/read/activity-sql.ts): the
 * matching ids, the page's ids in order, then their records (batched by
 * their loader); three
 * statements, whatever the list's length.
 */
export async function pageByActivity<E extends object>(
  em: EntityManager,
  info: GraphQLResolveInfo,
  page: PageArgs,
  listed: { entity: EntityClass<E>; owner: ActivityOwner; table: string; where: FilterQuery<E>; records: RecordLoader<EntityRecord<E>> },
  orderBy: ActivityOrder,
  window: ActivityWindow | null | undefined,
): Promise<Connection<EntityRecord<E>>> {
  let matching: Promise<number[]> | undefined;
  const ids = () => (matching ??= findIds(em, listed.entity, listed.where));
  return paginate(
    page,
    async () => (await ids()).length,
    async ({ offset, limit }) => {
      const params = new SqlParams();
      const { from, order } = activityOrdering(params, listed.owner, listed.table, 'x', orderBy, window);
      const rows = await queryBound<{ id: number }>(
        em,
        `select x.id from ${from} where x.id = any(${params.bind(await ids(), 'int[]')})
          order by ${order} offset ${params.bind(offset, 'int')} limit ${params.bind(limit, 'int')}`,
        params.values,
      );
      return (await Promise.all(rows.map((row) => listed.records.get(row.id)))) as Array<EntityRecord<E>>;
    },
    ids,
    info,
  );
}
