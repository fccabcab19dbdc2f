import { ReferenceKind, type EntityClass, type EntityKey, type EntityMetadata, type EntityProperty, type FilterQuery, type Platform, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import type { EntityRecord } from './record-types.js';

/**
 * The read path answers with plain records instead of managed entities:
 * hydrating entities and tracking them in the identity map cost more than
 * the SQL on large programmes, and reads never write back. A record is a
 * plain object (typed by src/loaders/record-types.ts) that carries the
 * entity's own columns under its property names, references as `{ id }`,
 * and the entity's name in `entity`, which is how GraphQL tells which type
 * of Node or SearchResult it is. Collections and hidden columns (search
 * documents) are left out; resolvers reach related records through loaders.
 */
export interface RecordReader<T> {
  table: string;
  /**
   * The record's columns qualified by `alias`, for a select list; with a
   * `prefix`, each is named `prefix + column`, to tell joined records apart.
   */
  columns(alias: string, prefix?: string): string;
  /** The same columns as property names, for the query builder's select. */
  properties: string[];
  /** The record of a row, from the columns named `prefix + column`. */
  read(row: Record<string, unknown>, prefix?: string): T;
}

/**
 * Columns too long to carry on every record, read only when a query asks for
 * them (by their field resolvers; record-types.ts leaves them out of the
 * types): a search page of twelve sources at scale 10 read 470 KB of their
 * texts to answer their titles.
 */
const READ_WHEN_ASKED: Readonly<Record<string, readonly string[]>> = { Source: ['text'] };

type Column = { column: string; property: string; reference: boolean; toValue: (value: unknown) => unknown };

/** Turns a column value into what MikroORM would hydrate: a Date for timestamps, a custom type's JS value. */
function valueConverter(prop: EntityProperty, platform: Platform): (value: unknown) => unknown {
  if (prop.runtimeType === 'Date') return (value) => (typeof value === 'string' ? new Date(value) : value);
  const customType = prop.customType;
  if (customType) return (value) => customType.convertToJSValue(value, platform);
  return (value) => value;
}

function readableColumns(meta: EntityMetadata, platform: Platform): Column[] {
  const columns: Column[] = [];
  for (const prop of meta.props) {
    if (prop.lazy || prop.hidden || READ_WHEN_ASKED[meta.className]?.includes(prop.name) || !prop.fieldNames || prop.fieldNames.length !== 1) continue;
    const reference = prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner === true);
    if (prop.kind !== ReferenceKind.SCALAR && !reference) continue;
    columns.push({ column: prop.fieldNames[0]!, property: prop.name, reference, toValue: valueConverter(prop, platform) });
  }
  return columns;
}

function createReader<E>(meta: EntityMetadata, platform: Platform): RecordReader<EntityRecord<E>> {
  const columns = readableColumns(meta, platform);
  const entity = meta.className;
  // Loaders are built per request, and each asks for its select list again: it is written once.
  const selectLists = new Map<string, string>();
  return {
    table: meta.tableName,
    columns(alias, prefix = '') {
      const key = `${alias}:${prefix}`;
      let list = selectLists.get(key);
      if (list === undefined) {
        list = columns.map(({ column }) => `${alias}."${column}" as "${prefix}${column}"`).join(', ');
        selectLists.set(key, list);
      }
      return list;
    },
    properties: columns.map(({ property }) => property),
    read(row, prefix = '') {
      // Every record of an entity gets its properties in the same order, so that they share one shape.
      const record: Record<string, unknown> = { entity };
      for (const { column, property, reference, toValue } of columns) {
        const value = row[prefix + column];
        if (value === null || value === undefined) record[property] = undefined;
        else record[property] = reference ? { id: value } : toValue(value);
      }
      // The columns just read are the entity's columns that EntityRecord<E> names, by the same rule.
      return record as EntityRecord<E>;
    },
  };
}

const readers = new WeakMap<object, Map<EntityClass<object>, RecordReader<EntityRecord<object>>>>();

/** The reader of an entity's records, built once per metadata storage. */
export function recordReader<E extends object>(em: EntityManager, entity: EntityClass<E>): RecordReader<EntityRecord<E>> {
  const metadata = em.getMetadata();
  let known = readers.get(metadata);
  if (!known) readers.set(metadata, (known = new Map()));
  let reader = known.get(entity);
  if (!reader) known.set(entity, (reader = createReader<object>(metadata.get(entity), em.getPlatform())));
  return reader as RecordReader<EntityRecord<E>>;
}

/**
 * A PostgreSQL array literal, bound as one parameter (`= any(?::int[])`):
 * for ids and enum names, which hold no commas, quotes or braces.
 */
export function arrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(',')}}`;
}

/**
 * A select of `properties` (the reader's, or just the id) from the records
 * matching an ORM filter. The names are the entity's own, read from its
 * metadata; the filter is one `em.find` takes, which the query builder reads
 * alike though its type is declared apart.
 */
function selectMatching<E extends object>(em: EntityManager, entity: EntityClass<E>, properties: string[], where: FilterQuery<E>) {
  return em
    .createQueryBuilder(entity)
    .select(properties as Array<EntityKey<E>>)
    .where(where as QBFilterQuery<E>);
}

/** Records matching an ORM filter, as `em.find` would find them, read as plain records. */
export async function findRecords<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  where: FilterQuery<E>,
  options: { orderBy?: QueryOrderMap<E>; offset?: number; limit?: number } = {},
): Promise<Array<EntityRecord<E>>> {
  const reader = recordReader(em, entity);
  const query = selectMatching(em, entity, reader.properties, where);
  if (options.orderBy) query.orderBy(options.orderBy);
  if (options.offset !== undefined) query.offset(options.offset);
  if (options.limit !== undefined) query.limit(options.limit);
  const rows = await query.execute<Array<Record<string, unknown>>>('all', false);
  return rows.map((row) => reader.read(row));
}

/** The first record matching an ORM filter, or null. */
export async function findRecord<E extends object>(em: EntityManager, entity: EntityClass<E>, where: FilterQuery<E>): Promise<EntityRecord<E> | null> {
  const [record] = await findRecords(em, entity, where, { limit: 1 });
  return record ?? null;
}

/** The ids of the records matching an ORM filter, without reading the records. */
export async function findIds<E extends object>(em: EntityManager, entity: EntityClass<E>, where: FilterQuery<E>): Promise<number[]> {
  const rows = await selectMatching(em, entity, ['id'], where).execute<Array<{ id: number }>>('all', false);
  return rows.map((row) => row.id);
}
