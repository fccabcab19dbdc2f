import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { parseGlobalId, type NodeType } from '../../schema/global-id.js';

/** The record a global id in an input names, or a BAD_USER_INPUT error naming the argument. */
export async function referenced<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  type: NodeType,
  globalId: string,
  argument: string,
): Promise<T> {
  const { id } = parseGlobalId(globalId, argument, [type]);
  const record = await em.findOne(entity, { id } as FilterQuery<T>);
  if (!record) throw badUserInput(`${argument}: no ${type} has the id "${globalId}"`, argument);
  return record;
}

/** The numeric key of a global id of the given type. */
export function keyOf(globalId: string, type: NodeType, argument: string): number {
  return parseGlobalId(globalId, argument, [type]).id;
}

/** Dates arrive as Date objects from the Date scalar; the database keeps calendar dates as YYYY-MM-DD. */
export function calendarDate(date: Date | null | undefined): string | null | undefined {
  return date === null || date === undefined ? date : date.toISOString().slice(0, 10);
}

/** The fields of an update input that were actually sent (undefined means "leave as is"). */
export function sentFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
