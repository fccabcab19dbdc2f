import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/api-keys.js';
import { Change } from '../entities/change.entity.js';
import type { ChangeAction } from '../entities/enums.js';

export type Snapshot = Record<string, unknown>;

/**
 * A record's own fields, with references as ids: what the history keeps
 * before and after a change. Collections and derived search columns are
 * left out, since they belong to other records or to the database.
 */
export function snapshot(em: EntityManager, record: object): Snapshot {
  const meta = em.getMetadata().find(record.constructor as EntityClass<object>);
  if (!meta) throw new Error(`${record.constructor.name} is not an entity`);
  const fields: Snapshot = {};
  for (const prop of meta.props) {
    if (prop.lazy || prop.hidden) continue;
    const value = (record as Record<string, unknown>)[prop.name];
    if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.EMBEDDED) fields[prop.name] = value ?? null;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      fields[prop.name] = (value as { id?: number } | undefined)?.id ?? null;
    }
  }
  return JSON.parse(JSON.stringify(fields)) as Snapshot;
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
  entry: { actor: Actor | string; action: ChangeAction; recordType: string; recordId: number; before?: Snapshot; after?: Snapshot; note?: string; importId?: string },
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
    importId: entry.importId,
  });
}
