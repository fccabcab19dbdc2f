import type { FieldSql } from './compilation.js';
import { NotCompiled } from './compilation.js';

/** A column of the record's own row; PostgreSQL's JSON renders dates, enums and arrays as GraphQL does. */
export const column =
  (name: string): FieldSql =>
  (_compilation, row) =>
    `${row}.${name}`;

/** The base64 of `<prefix><value>`, as graphql-relay writes global ids and cursors (short, so one line). */
export const base64Of = (prefix: string, value: string) => `encode(convert_to('${prefix}' || ${value}, 'UTF8'), 'base64')`;

/** The record's global id, as graphql-relay's toGlobalId writes it. */
export const globalId =
  (typeName: string): FieldSql =>
  (_compilation, row) =>
    base64Of(`${typeName}:`, `${row}.id`);

/** The record another row's foreign key points to (null when the key is). */
export const toOne =
  (typeName: string, foreignKey: string): FieldSql =>
  (compilation, row, field) => {
    const target = compilation.alias();
    return `(select ${compilation.object(typeName, target, field.nodes)} from ${compilation.tableOf(typeName)} ${target} where ${target}.id = ${row}.${foreignKey})`;
  };

/** The rows of `typeName` that `where` relates to the owner, as a JSON array in `order`. */
export const toMany =
  (typeName: string, where: (row: string, target: string) => string, order: (target: string) => string): FieldSql =>
  (compilation, row, field) => {
    const target = compilation.alias();
    const object = compilation.object(typeName, target, field.nodes);
    return `coalesce((select json_agg(${object} order by ${order(target)}) from ${compilation.tableOf(typeName)} ${target}
      where ${where(row, target)}), '[]'::json)`;
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
