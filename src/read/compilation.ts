import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLField, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import type { Role } from '../entities/enums.js';
import type { PreparedSearch } from './search-rows.js';
import { collectSubfields, type OperationScope } from './selection.js';
import { SqlParams } from './sql-params.js';

/**
 * A selection the read floor does not compile (a field it has no SQL for, an
 * argument only the resolvers check). The operation then takes graphql-js's
 * path, which answers it, or reports its errors, as it always has.
 */
export class NotCompiled extends Error {}

/** The object type a field's (possibly wrapped) type names; any other kind of type is not compiled. */
export function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType {
  const named = getNamedType(type);
  if (!isObjectType(named)) throw new NotCompiled(`${named.name} is not an object type`);
  return named;
}

/** One asked-for field: its schema definition, its merged nodes and its coerced arguments. */
export type AskedField = {
  definition: GraphQLField<unknown, unknown>;
  nodes: readonly FieldNode[];
  args: Record<string, unknown>;
};

/**
 * A row that a carried page (src/read/connection-sql.ts) joined beside each
 * of its records, known in the page as `inner`: the page carries the columns
 * the statement reads of it, named `${prefix}_column`, in its row `window`,
 * so the record's to-one field reads them there instead of joining the row
 * again. `columns` are those read of it (as the statement writes them);
 * `within`, the rows beside it in turn, by its foreign keys.
 */
export type SharedRow = { inner: string; prefix: string; window: string; columns: Set<string>; within: ReadonlyMap<string, SharedRow> };

/** The name under which a page carries a column of a row beside its records. */
export const carriedColumn = (shared: SharedRow, column: string) => `"${shared.prefix}_${column.replaceAll('"', '')}"`;

/**
 * Where the records that a page's foreign keys point to are read once per
 * key: the page is a CTE named by its row alias, and each such record's JSON
 * is built in a CTE of its own, added to `lookups`, from the distinct keys of
 * the page.
 */
export type ReadOncePerKey = { foreignKeys: ReadonlySet<string>; lookups: string[] };

/** A join whose text depends on the rest of its FROM clause's SQL (the select list and the other joins). */
export type LateJoin = (restOfClause: string) => string;

/** SQL that yields one field's JSON value for the record in row alias `row`. */
export type FieldSql = (compilation: Compilation, row: string, field: AskedField) => string;

/** How one GraphQL object type is read: its table and an SQL expression per field. */
export type RecordSql = { table: string; fields: Readonly<Record<string, FieldSql>> };

// json_build_object takes at most 100 arguments: a key and a value per field.
const MAX_KEYS_PER_OBJECT = 50;

/** GraphQL names ([_A-Za-z][_0-9A-Za-z]*) are safe inside an SQL string literal as they are. */
const keyLiteral = (name: string) => `'${name}'`;

/**
 * The state of compiling one operation: its scope, the statement's bound
 * parameters, fresh row aliases, and the SQL of every record type.
 */
export class Compilation {
  readonly params = new SqlParams();
  /**
   * Conditions the compiled answer stands on (a topic slug argument names a
   * known topic): when one fails, the statement answers no data and the
   * resolvers answer instead, wording the error.
   */
  readonly requirements: string[] = [];
  private lastAlias = 0;
  // The joins that to-one fields add to the FROM clause being compiled, innermost last.
  private readonly joinScopes: Array<Array<string | LateJoin>> = [];
  // By row alias, then foreign key: the rows a page already found that the key points to.
  private readonly sharedRows = new Map<string, ReadonlyMap<string, SharedRow>>();
  // By row alias of a page: the foreign keys whose records are read once per key.
  private readonly readOnce = new Map<string, ReadOncePerKey>();

  constructor(
    readonly scope: OperationScope,
    private readonly records: Readonly<Record<string, RecordSql>>,
    /** The roles the request's key holds: a field only some roles may read is compiled only for them. */
    readonly roles: ReadonlySet<Role> = new Set(),
    /** The searches of the operation, each prepared (its plan read from the database) before it compiles; by its first field node. */
    readonly searches: ReadonlyMap<FieldNode, PreparedSearch> = new Map(),
  ) {}

  /** Adds a condition the compiled answer stands on (see `requirements`). */
  require(condition: string): void {
    this.requirements.push(condition);
  }

  /** A row alias not used elsewhere in the statement. */
  alias(): string {
    this.lastAlias += 1;
    return `r${this.lastAlias}`;
  }

  /**
   * The JSON of the `typeName` record in `row` (see object()) and the joins
   * its to-one fields need in the FROM clause that lists `row`: PostgreSQL
   * plans a join once, where a scalar subquery would run once per row.
   */
  objectWithJoins(typeName: string, row: string, nodes: readonly FieldNode[]): { json: string; joins: string } {
    const { result, joins } = this.inFromClause(() => this.object(typeName, row, nodes));
    return { json: result, joins };
  }

  /** Compiles `build` as the select list of a FROM clause of its own, returning the joins it added. */
  inFromClause<T extends string | string[]>(build: () => T): { result: T; joins: string } {
    this.joinScopes.push([]);
    try {
      const result = build();
      const scope = this.joinScopes.at(-1)!;
      const written = [result, ...scope.filter((join) => typeof join === 'string')].flat().join('\n');
      return { result, joins: scope.map((join) => (typeof join === 'string' ? join : join(written))).join('\n') };
    } finally {
      this.joinScopes.pop();
    }
  }

  /** Adds a join to the FROM clause being compiled (a to-one field is only compiled inside one). */
  join(clause: string | LateJoin): void {
    const scope = this.joinScopes.at(-1);
    if (!scope) throw new NotCompiled('a to-one field outside a FROM clause');
    scope.push(clause);
  }

  /** Tells to-one fields of the record in `row` that the rows their foreign keys point to were found already (see SharedRow). */
  share(row: string, byForeignKey: ReadonlyMap<string, SharedRow>): void {
    this.sharedRows.set(row, byForeignKey);
  }

  /** The row, found already, that the foreign key of the record in `row` points to, if a page found it. */
  sharedRow(row: string, foreignKey: string): SharedRow | undefined {
    return this.sharedRows.get(row)?.get(foreignKey);
  }

  /** Tells to-one fields of the records of the page `row` to read the records some of their keys point to once per key (see ReadOncePerKey). */
  readOncePerKey(row: string, once: ReadOncePerKey): void {
    this.readOnce.set(row, once);
  }

  /** How the record that the foreign key of the record in `row` points to is read once per key, if its page does so. */
  readOnceFor(row: string, foreignKey: string): ReadOncePerKey | undefined {
    const once = this.readOnce.get(row);
    return once?.foreignKeys.has(foreignKey) ? once : undefined;
  }

  /** The table a record type is stored in. */
  tableOf(typeName: string): string {
    return this.recordOf(typeName).table;
  }

  private recordOf(typeName: string): RecordSql {
    const record = this.records[typeName];
    if (!record) throw new NotCompiled(`no SQL for type ${typeName}`);
    return record;
  }

  private objectType(typeName: string): GraphQLObjectType {
    const type = this.scope.schema.getType(typeName);
    if (!isObjectType(type)) throw new NotCompiled(`${typeName} is not an object type`);
    return type;
  }

  /**
   * The JSON object `nodes` select on the `typeName` record in `row`, keyed by
   * response key in the order graphql-js would answer them.
   */
  object(typeName: string, row: string, nodes: readonly FieldNode[]): string {
    const record = this.recordOf(typeName);
    const type = this.objectType(typeName);
    const fields = collectSubfields(this.scope, type, nodes);
    if (fields.size > MAX_KEYS_PER_OBJECT) throw new NotCompiled(`more than ${MAX_KEYS_PER_OBJECT} fields on ${typeName}`);
    const pairs: string[] = [];
    for (const [key, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      pairs.push(`${keyLiteral(key)}, ${this.field(type, record, row, name, fieldNodes)}`);
    }
    return `json_build_object(${pairs.join(', ')})`;
  }

  private field(type: GraphQLObjectType, record: RecordSql, row: string, name: string, nodes: readonly FieldNode[]): string {
    if (name === '__typename') return keyLiteral(type.name);
    const sql = record.fields[name];
    if (!sql) throw new NotCompiled(`no SQL for ${type.name}.${name}`);
    return sql(this, row, this.ask(type, nodes));
  }

  /** The field `nodes` ask of `type`, with its arguments coerced as graphql-js would. */
  ask(type: GraphQLObjectType, nodes: readonly FieldNode[]): AskedField {
    const node = nodes[0]!;
    const definition = type.getFields()[node.name.value];
    if (!definition) throw new NotCompiled(`${type.name} has no field ${node.name.value}`);
    try {
      return { definition, nodes, args: getArgumentValues(definition, node, this.scope.variables) };
    } catch {
      throw new NotCompiled(`arguments of ${type.name}.${node.name.value} that graphql-js refuses`);
    }
  }
}
