import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { queryBound } from '../db/bound-query.js';
import { ACTIVITY_COUNTS, activityCountsSql, type ActivityCount, type ActivityOwner, type ActivityWindowValue } from '../read/activity-sql.js';
import { SqlParams } from '../read/sql-params.js';

export type ActivityKey = { owner: ActivityOwner; id: number; window?: ActivityWindowValue | null };
export type ActivityCounts = Record<ActivityCount, number>;

/** Null fields bound nothing, as absent ones: they share a batch. */
const windowKey = (window: ActivityWindowValue | null | undefined) =>
  JSON.stringify([window?.fromYear ?? null, window?.toYear ?? null, window?.seriesSlug ?? null, window?.role ?? null]);

const keyOf = (key: ActivityKey) => `${key.owner}:${key.id}:${windowKey(key.window)}`;

const zero: ActivityCounts = { sessions: 0, participations: 0, people: 0, editions: 0 };

/**
 * The activity of records in a window (src/read/activity-sql.ts, the read
 * floor's SQL): one statement per kind of record and window in a batch,
 * however many records a page holds.
 */
export function activityLoader(em: EntityManager) {
  return new DataLoader<ActivityKey, ActivityCounts, string>(
    async (keys) => {
      const groups = new Map<string, { owner: ActivityOwner; window?: ActivityWindowValue | null; ids: number[] }>();
      for (const key of keys) {
        const group = `${key.owner}:${windowKey(key.window)}`;
        const known = groups.get(group) ?? { owner: key.owner, window: key.window, ids: [] };
        known.ids.push(key.id);
        groups.set(group, known);
      }
      const found = new Map<string, ActivityCounts>();
      for (const { owner, window, ids } of groups.values()) {
        const params = new SqlParams();
        const sql = activityCountsSql(params, owner, window, ACTIVITY_COUNTS, () => params.bind(ids, 'int[]'));
        const rows = await queryBound<{ owner: number } & ActivityCounts>(em, sql, params.values);
        for (const row of rows) found.set(keyOf({ owner, id: row.owner, window }), row);
      }
      return keys.map((key) => found.get(keyOf(key)) ?? zero);
    },
    { cacheKeyFn: keyOf },
  );
}
