import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/api-keys.js';
import { Change } from '../entities/change.entity.js';
import type { ChangeAction } from '../entities/enums.js';

export type Snapshot = Record<string, unknown>;

/** A record's own fields, with references as ids: what the history keeps before and after a change. */
export function snapshot(record: object): Snapshot {
  return JSON.parse(JSON.stringify(wrap(record).toObject())) as Snapshot;
}

function changedFields(before: Snapshot | undefined, after: Snapshot | undefined): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields].filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field])).sort();
}

/**
 * Appends one entry to the history through `em`, so it commits or rolls back
 * with the change it describes.
 */
export function recordChange(
  em: EntityManager,
  entry: { actor: Actor | string; action: ChangeAction; recordType: string; recordId: number; before?: Snapshot; after?: Snapshot; note?: string },
): Change {
  return em.create(Change, {
    actor: typeof entry.actor === 'string' ? entry.actor : entry.actor.name,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    changedFields: changedFields(entry.before, entry.after),
    before: entry.before,
    after: entry.after,
    note: entry.note,
  });
}
