import { base64Of } from './base64-sql.js';
import { carriedColumn, NotCompiled, type AskedField, type Compilation, type FieldSql, type ReadOncePerKey, type SharedRow } from './compilation.js';
import { connectionJson } from './connection-sql.js';
import type { RankedRelation } from './relations.js';

/** A column of the record's own row; PostgreSQL's JSON renders dates, enums and arrays as GraphQL does. */
export const column =
  (name: string): FieldSql =>
  (_compilation, row) =>
    `${row}.${name}`;

/** The record's global id, as graphql-relay's toGlobalId writes it. */
export const globalId =
  (typeName: string): FieldSql =>
  (_compilation, row) =>
    base64Of(`${typeName}:`, `${row}.id`);

/**
 * The record another row's foreign key points to (null when the key is),
 * joined into the FROM clause that lists the row. The join comes before the
 * joins of the record's own to-one fields, which refer to it. A row that the
 * page listing `row` joined already is not joined again: its columns come
 * with the page (carriedRow). Where the page's records share the records
 * the key points to, each of those is read and written once (readOncePerKey).
 */
export const toOne =
  (typeName: string, foreignKey: string): FieldSql =>
  (compilation, row, field) => {
    const target = compilation.alias();
    const shared = compilation.sharedRow(row, foreignKey);
    const once = shared ? undefined : compilation.readOnceFor(row, foreignKey);
    if (once) return readOncePerKey(compilation, once, typeName, foreignKey, target, row, field);
    if (shared) {
      compilation.share(target, shared.within);
      compilation.join((restOfClause) => carriedRow(shared, target, restOfClause));
    } else {
      compilation.join(`left join ${compilation.tableOf(typeName)} ${target} on ${target}.id = ${row}.${foreignKey}`);
    }
    return `case when ${target}.id is null then null else ${compilation.object(typeName, target, field.nodes)} end`;
  };

/**
 * The JSON of the record the foreign key of `row` points to, built once per
 * distinct key of the page (the CTE `row`) in the CTE `target` and joined to each row: a
 * person's hundred roles in one position write that position once, where
 * building its JSON for every role was a seventh of the statement's time.
 */
function readOncePerKey(compilation: Compilation, once: ReadOncePerKey, typeName: string, foreignKey: string, target: string, row: string, field: AskedField): string {
  const record = compilation.alias();
  const { json, joins } = compilation.objectWithJoins(typeName, record, field.nodes);
  once.lookups.push(`${target} as materialized (select ${record}.id, ${json} as json from ${compilation.tableOf(typeName)} ${record}
      ${joins} where ${record}.id in (select ${foreignKey} from ${row}))`);
  compilation.join(`left join ${target} on ${target}.id = ${row}.${foreignKey}`);
  return `${target}.json`;
}

/**
 * The row `target` as the columns of it that the rest of the FROM clause
 * reads, taken from the page's row, where they are carried: a subquery
 * PostgreSQL flattens into plain column references.
 */
function carriedRow(shared: SharedRow, target: string, restOfClause: string): string {
  const read = new Set(Array.from(restOfClause.matchAll(new RegExp(`\\b${target}\\.("[^"]+"|[a-z_][a-z0-9_]*)`, 'g')), (match) => match[1]!));
  for (const column of read) shared.columns.add(column);
  const columns = [...read].map((column) => `${shared.window}.${carriedColumn(shared, column)} as ${column}`);
  return `left join lateral (select ${columns.join(', ')}) ${target} on true`;
}

/**
 * The rows of `typeName` that `where` relates to the owner, as a JSON array
 * in `order`; `table` names the table where the type is stored in several.
 */
export const toMany =
  (typeName: string, where: (row: string, target: string) => string, order: (target: string) => string, table?: string): FieldSql =>
  (compilation, row, field) => {
    const target = compilation.alias();
    const { json, joins } = compilation.objectWithJoins(typeName, target, field.nodes);
    return `coalesce((select json_agg(${json} order by ${order(target)}) from ${table ?? compilation.tableOf(typeName)} ${target}
      ${joins} where ${where(row, target)}), '[]'::json)`;
  };

/** A list narrowed by an optional `role` argument: the `role` column must equal it when given. */
export const withRole =
  (list: (roleCondition: (target: string) => string) => FieldSql): FieldSql =>
  (compilation, row, field) => {
    const role = field.args.role;
    if (role !== undefined && role !== null && typeof role !== 'string') throw new NotCompiled('role is not an enum value');
    const condition = (target: string) => (typeof role === 'string' ? `${target}.role = ${compilation.params.bind(role, 'participation_role')}` : 'true');
    return list(condition)(compilation, row, field);
  };

/** The citations of a record, in the order they were recorded. */
export const citations =
  (citedKind: string): FieldSql =>
  (compilation, row, field) =>
    toMany('Citation', (owner, target) => `${target}.subject_kind = '${citedKind}' and ${target}.subject_id = ${owner}.id`, (target) => `${target}.id`)(
      compilation,
      row,
      field,
    );

/** Every record a relation (src/read/relations.ts) gives the owner, in the relation's order. */
export const related =
  (typeName: string, relation: RankedRelation): FieldSql =>
  (compilation, row, field) => {
    const target = compilation.alias();
    const { json, joins } = compilation.objectWithJoins(typeName, target, field.nodes);
    return `coalesce((select json_agg(${json} order by ${relation.order})
      from (${relation.source}) r join ${compilation.tableOf(typeName)} ${target} on ${target}.id = r.id
      ${joins} where r.owner = ${row}.id), '[]'::json)`;
  };

/** A forward page of the records a relation gives the owner. */
export const relatedPage =
  (typeName: string, relation: RankedRelation): FieldSql =>
  (compilation, row, field) =>
    connectionJson(compilation, field, { nodeType: typeName, row: 'r', from: `(${relation.source}) r`, where: `r.owner = ${row}.id`, order: relation.order });
