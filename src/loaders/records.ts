import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type FilterQuery, type Platform, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The read path answers with plain records instead of managed entities:
 * hydrating entities and tracking them in the identity map cost more than
 * the SQL on large programmes, and reads never write back. A record carries
 * the entity's own columns under its property names, references as `{ id }`
 * (as on an unloaded entity reference), and is an instance of a class named
 * like its entity, so `constructor.name` still names its GraphQL type.
 * Collections and lazy columns (search documents) are left out; resolvers
 * reach related records through loaders.
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
    if (prop.lazy || !prop.fieldNames || prop.fieldNames.length !== 1) continue;
    const reference = prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner === true);
    if (prop.kind !== ReferenceKind.SCALAR && !reference) continue;
    columns.push({ column: prop.fieldNames[0]!, property: prop.name, reference, toValue: valueConverter(prop, platform) });
  }
  return columns;
}

function createReader<T>(meta: EntityMetadata, platform: Platform): RecordReader<T> {
  const columns = readableColumns(meta, platform);
  const className = meta.className;
  // A class per entity so that records of one type share a shape, and their constructor names the type.
  const RecordClass = { [className]: class {} }[className]!;
  // Records are instances of the entity class, so type-graphql passes them to resolvers as they are rather than
  // copying each into a new entity. Plain data properties on the record's own prototype shadow the accessors
  // MikroORM puts on the entity's, so that filling a record never runs the ORM's reference bookkeeping.
  Object.setPrototypeOf(RecordClass.prototype, meta.class.prototype);
  for (const { property } of columns) {
    Object.defineProperty(RecordClass.prototype, property, { value: undefined, writable: true, enumerable: false, configurable: true });
  }
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
      const record = new RecordClass() as Record<string, unknown>;
      for (const { column, property, reference, toValue } of columns) {
        const value = row[prefix + column];
        if (value === null || value === undefined) record[property] = undefined;
        else record[property] = reference ? { id: value } : toValue(value);
      }
      return record as T;
    },
  };
}

const readers = new WeakMap<object, Map<EntityClass<object>, RecordReader<object>>>();

/** The reader of an entity's records, built once per metadata storage. */
export function recordReader<T extends object>(em: EntityManager, entity: EntityClass<T>): RecordReader<T> {
  const metadata = em.getMetadata();
  let known = readers.get(metadata);
  if (!known) readers.set(metadata, (known = new Map()));
  let reader = known.get(entity as EntityClass<object>);
  if (!reader) known.set(entity as EntityClass<object>, (reader = createReader(metadata.get(entity as EntityClass<object>), em.getPlatform())));
  return reader as RecordReader<T>;
}

/**
 * A PostgreSQL array literal, bound as one parameter (`= any(?::int[])`):
 * for ids and enum names, which hold no commas, quotes or braces.
 */
export function arrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(',')}}`;
}

/** Records matching an ORM filter, as `em.find` would find them, read as plain records. */
export async function findRecords<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { orderBy?: QueryOrderMap<T>; offset?: number; limit?: number } = {},
): Promise<T[]> {
  const reader = recordReader(em, entity);
  const query = em
    .createQueryBuilder(entity)
    .select(reader.properties as never)
    .where(where as never);
  if (options.orderBy) query.orderBy(options.orderBy);
  if (options.offset !== undefined) query.offset(options.offset);
  if (options.limit !== undefined) query.limit(options.limit);
  const rows = await query.execute<Array<Record<string, unknown>>>('all', false);
  return rows.map((row) => reader.read(row));
}

/** The first record matching an ORM filter, or null. */
export async function findRecord<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T>): Promise<T | null> {
  const [record] = await findRecords(em, entity, where, { limit: 1 });
  return record ?? null;
}
