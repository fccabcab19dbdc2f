import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/api-keys.js';
import { announceChange } from '../cache/change-notifications.js';
import { ChangeAction } from '../entities/enums.js';
import type { Context } from '../context.js';
import { conflict, notFound } from './curation-errors.js';
import { refusalOf } from './database-refusals.js';
import { recordChange, snapshot } from './history.js';
import { RecordWriter } from './record-writer.js';

/** What a write works with: the transaction's EntityManager and who is writing. */
export type Write = { em: EntityManager; actor: Actor };

/**
 * Runs a curator's change as one transaction: everything it writes,
 * history included, commits together or not at all.
 */
export async function write<T>(context: Context, work: (write: Write) => Promise<T>): Promise<T> {
  const actor = context.actor;
  if (!actor) throw new Error('write() needs an authenticated actor; @Authorized should have refused the request');
  try {
    return await context.em.transactional(async (em) => {
      const result = await work({ em, actor });
      await announceChange(em);
      return result;
    });
  } catch (error) {
    throw refusalOf(error);
  }
}

/**
 * Applies an editor's change through the write floor's aggregate functions
 * (an editor's values are set, not merged as a source's would be); the
 * history records each record it created or changed, once.
 */
export async function edit<T>(change: Write, work: (writer: RecordWriter) => T | Promise<T>): Promise<T> {
  const writer = new RecordWriter(change.em, { actor: change.actor.name, authority: 'editor' });
  const result = await work(writer);
  await writer.finish(() => undefined);
  return result;
}

/** Loads the record an update or deletion names, checking it exists and is at the version the caller saw. */
export async function loadForChange<T extends { id: number; version: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  recordType: string,
  id: number,
  version: number,
): Promise<T> {
  const record = await em.findOne(entity, { id } as FilterQuery<T>);
  if (!record) throw notFound(`No ${recordType} has the id you sent`);
  if (record.version !== version) {
    throw conflict(`${recordType} ${id} is at version ${record.version}, not ${version}: someone changed it since you read it`);
  }
  return record;
}

/** Whether a flush now would write anything: a changed field or a changed collection. */
function hasPendingChanges(em: EntityManager): boolean {
  const work = em.getUnitOfWork();
  work.computeChangeSets();
  return work.getChangeSets().length > 0 || work.getCollectionUpdates().length > 0;
}

/**
 * Applies `change` to a record and appends its before and after to the
 * history; a change that changes nothing writes nothing, history included.
 */
export async function updateRecord<T extends { id: number; version: number }>(
  { em, actor }: Write,
  record: T,
  recordType: string,
  change: () => void | Promise<void>,
  note?: string,
): Promise<T> {
  const before = snapshot(em, record);
  await change();
  if (!hasPendingChanges(em)) return record;
  await em.flush();
  recordChange(em, { actor, action: ChangeAction.UPDATE, recordType, recordId: record.id, before, after: snapshot(em, record), note });
  await em.flush();
  return record;
}

/** Persists a new record and appends it to the history. */
export async function createRecord<T extends { id: number }>({ em, actor }: Write, record: T, recordType: string, note?: string): Promise<T> {
  em.persist(record);
  await em.flush();
  recordChange(em, { actor, action: ChangeAction.CREATE, recordType, recordId: record.id, after: snapshot(em, record), note });
  await em.flush();
  return record;
}

/**
 * Deletes a record unless something still refers to it; `references` names
 * what does, so the refusal can say so.
 */
export async function deleteRecord<T extends { id: number }>(
  { em, actor }: Write,
  record: T,
  recordType: string,
  references: string[],
): Promise<void> {
  if (references.length > 0) {
    throw conflict(`${recordType} ${record.id} cannot be deleted: it is still referenced by ${references.join(', ')}`);
  }
  const before = snapshot(em, record);
  em.remove(record);
  await em.flush();
  recordChange(em, { actor, action: ChangeAction.DELETE, recordType, recordId: record.id, before });
  await em.flush();
}

/** "3 sessions" for the refusal message, or nothing when there are none. */
export async function countedReferences(counts: Array<[label: string, count: Promise<number>]>): Promise<string[]> {
  const resolved = await Promise.all(counts.map(async ([label, count]) => [label, await count] as const));
  return resolved.filter(([, count]) => count > 0).map(([label, count]) => `${count} ${label}`);
}
