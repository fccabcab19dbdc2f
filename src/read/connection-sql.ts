import { carriedColumn, NotCompiled, objectTypeOf, type AskedField, type Compilation, type ReadOncePerKey, type SharedRow } from './compilation.js';
import { base64Of } from './base64-sql.js';
import { cursorToOffset } from 'graphql-relay';
import { DEFAULT_PAGE_SIZE, windowOf, type PageArgs, type Window } from './page-window.js';
import { collectSubfields } from './selection.js';
import { facetsJson } from './facets-json.js';

/**
 * The rows a connection pages through: the ids of its `table`'s records that
 * `from … where …` finds, in `order` (which ends on the id, so it is total).
 * `row` is the alias of the listed record inside `from`. A `carried` list's
 * rows are narrow, and a forward page carries them whole from where it found
 * them rather than reading each again by id (a person's profile reads a
 * quarter fewer pages so), with the columns the statement reads of the rows
 * `beside` them that `from` joined to order them; a carried table has no
 * column named `n`, `k0`, `k1`, … (the page's number and order keys) or
 * `b0_…`, `b1_…`, … (the carried columns). `id` is the record's id where
 * `from` holds it other than as `row`'s id (a list read from a table that
 * names its records). A `walk` is a FROM with the same aliases as `from` that
 * lets PostgreSQL walk an index in the order's leading keys and stop at the
 * page's end, where `from` would sort every match to keep a page.
 * `repeated` names foreign keys of a carried list's records that many
 * records of a page share (a person's roles, the few positions they held):
 * what they point to is read, and its JSON written, once per key.
 */
export type ConnectionRows = {
  nodeType: string;
  from: string;
  row: string;
  id?: string;
  where: string;
  order: string;
  walk?: string;
  carried?: boolean;
  beside?: readonly RowBeside[];
  repeated?: readonly string[];
};

/**
 * A row of `from`, by its alias there, that a listed record's foreign key
 * points to, and `within` it the rows its own foreign keys point to. The
 * record's to-one field then reads it from the page (src/read/field-sql.ts).
 */
export type RowBeside = { foreignKey: string; alias: string; within?: readonly RowBeside[] };

/** The listed records' ids in a select list, as `id`. */
const idOf = (rows: ConnectionRows) => (rows.id === undefined ? `${rows.row}.id` : `${rows.id} as id`);

/** The rows beside the records of a page whose row is `window`, to share with their to-one fields; each also in `all`. */
function sharedRows(beside: readonly RowBeside[], window: string, all: SharedRow[]): Map<string, SharedRow> {
  return new Map(
    beside.map(({ foreignKey, alias, within = [] }) => {
      const rowsWithin = sharedRows(within, window, all);
      const shared: SharedRow = { inner: alias, prefix: `b${all.length}`, window, columns: new Set(), within: rowsWithin };
      all.push(shared);
      return [foreignKey, shared];
    }),
  );
}

/** The columns a page carries of the rows beside its records: those the statement read of them, known once it is compiled. */
const carriedBeside = (all: readonly SharedRow[]) =>
  all.flatMap((shared) => [...shared.columns].map((column) => `${shared.inner}.${column} as ${carriedColumn(shared, column)}`));

/** The keys of an ORDER BY list: each expression, and the direction and nulls order written after it. */
function orderKeys(order: string): Array<{ expression: string; direction: string }> {
  const keys: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < order.length; index += 1) {
    const character = order[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === '(') depth += 1;
    else if (!quoted && character === ')') depth -= 1;
    else if (!quoted && depth === 0 && character === ',') {
      keys.push(order.slice(start, index));
      start = index + 1;
    }
  }
  keys.push(order.slice(start));
  return keys.map((key) => {
    const [, expression, direction] = /^(.*?)((?:\s+(?:asc|desc))?(?:\s+nulls\s+(?:first|last))?)$/is.exec(key.trim())!;
    return { expression: expression!, direction: direction! };
  });
}

const cursorOf = (offset: string) => base64Of('arrayconnection:', `(${offset})`);

/** Page arguments as the resolvers read them, or NotCompiled when they refuse them (their messages stay theirs). */
function checkedArgs(args: PageArgs): PageArgs {
  try {
    windowOf(args, Number.MAX_SAFE_INTEGER);
  } catch {
    throw new NotCompiled('page arguments the resolvers refuse');
  }
  // An empty page answers without reading; the resolvers say what it looks like.
  if (args.first === 0) throw new NotCompiled('an empty page');
  return args;
}

/**
 * How a page is cut and described: the FROM clause that lists the window's
 * rows (alias `window`, numbered `n` from 1 in list order, joined to their
 * records; written once the rest of the statement is), which of its rows
 * are in the page, and its pageInfo and count.
 */
type PageSql = {
  from: () => string;
  ctes: () => string[];
  inWindow: () => string;
  hasNextPage: () => string;
  hasPreviousPage: string;
  totalCount: string;
  groupBy: string;
};

/** A value made on first use, so that a parameter is bound only when the statement uses it. */
function once(make: () => string): () => string {
  let made: string | undefined;
  return () => (made ??= make());
}

const orderedBy = (keys: ReturnType<typeof orderKeys>) => keys.map((key, index) => `k${index}${key.direction}`).join(', ');

/**
 * A forward page: cut first (PostgreSQL keeps the top rows of an ordered scan
 * or heap), one row past it telling whether a next page exists, and numbered
 * after, from its offset, by the same keys. Counting is a statement's worth of
 * work, so totalCount is taken only when asked.
 */
function forwardPage(compilation: Compilation, rows: ConnectionRows, window: string, cut: Window): PageSql {
  const { params } = compilation;
  const keys = orderKeys(rows.order);
  const start = params.bind(cut.offset, 'int');
  const limit = params.bind(cut.limit + 1, 'int');
  const beside: SharedRow[] = [];
  if (rows.carried && rows.beside) compilation.share(window, sharedRows(rows.beside, window, beside));
  const columns = () => (rows.carried ? [`${rows.row}.*`, ...carriedBeside(beside)] : [idOf(rows)]);
  const pageOf = (from: string, where: string) => `select ${columns().join(', ')}, ${keys.map((key, index) => `${key.expression} as k${index}`).join(', ')} from ${from}
    where ${where} order by ${rows.order} offset ${start} limit ${limit}`;
  const page = () => pageOf(rows.walk ?? rows.from, rows.where);
  const numbered = () => `select page.${rows.carried ? '*' : 'id'}, ${start} + row_number() over (order by ${orderedBy(keys)}) as n from (${page()}) page`;
  // The page is read twice where some of its keys are looked up once each: a CTE of its own.
  const lookedUp: ReadOncePerKey | undefined = rows.carried && rows.repeated?.length ? { foreignKeys: new Set(rows.repeated), lookups: [] } : undefined;
  if (lookedUp) compilation.readOncePerKey(window, lookedUp);
  return {
    from: () => (lookedUp ? window : `(${numbered()}) ${window}`),
    ctes: () => (lookedUp ? [`${window} as materialized (${numbered()})`, ...lookedUp.lookups] : []),
    inWindow: once(() => `${window}.n <= ${params.bind(cut.offset + cut.limit, 'int')}`),
    hasNextPage: once(() => `count(*) > ${params.bind(cut.limit, 'int')}`),
    hasPreviousPage: cut.offset > 0 ? 'true' : 'false',
    totalCount: `(select count(*) from ${rows.from} where ${rows.where})::int`,
    // One row even for an empty page, whether or not the selection aggregates.
    groupBy: ' group by ()',
  };
}

/**
 * A page that `last` or `before` asks for: its bounds depend on the count, so
 * the list is counted and numbered in full (as the resolvers do, backward
 * paging being the rare case), and the bounds follow windowOf's rules.
 */
function backwardPage(compilation: Compilation, rows: ConnectionRows, window: string, args: PageArgs): PageSql {
  const { params } = compilation;
  const after = args.after ? cursorToOffset(args.after) + 1 : 0;
  const total = 'tot.total';
  let end = (args.before ?? null) !== null ? `least(${params.bind(cursorToOffset(args.before!), 'int')}, ${total})` : total;
  if ((args.first ?? null) !== null) end = `least(${end}, ${params.bind(after + args.first!, 'int')})`;
  let start = params.bind(after, 'int');
  if ((args.last ?? null) !== null) start = `greatest(${start}, ${end} - ${params.bind(args.last!, 'int')})`;
  if ((args.first ?? null) === null && (args.last ?? null) === null) end = `least(${end}, ${params.bind(after + DEFAULT_PAGE_SIZE, 'int')})`;
  const numbered = `select ${idOf(rows)}, row_number() over (order by ${rows.order}) as n from ${rows.from} where ${rows.where}`;
  return {
    ctes: () => [],
    from: () => `(select count(*)::int as total from ${rows.from} where ${rows.where}) tot
      cross join lateral (select least(${start}, ${total}) as s, ${end} as e) bounds
      left join lateral (select numbered.id, numbered.n from (${numbered}) numbered where numbered.n > bounds.s and numbered.n <= bounds.e) ${window} on true`,
    inWindow: () => `${window}.id is not null`,
    hasNextPage: () => 'greatest(bounds.s, bounds.e) < tot.total',
    hasPreviousPage: 'bounds.s > 0',
    totalCount: 'tot.total',
    groupBy: ' group by tot.total, bounds.s, bounds.e',
  };
}

/**
 * A Relay connection as one SQL expression: the window's ids are numbered in
 * list order (the number is the offset cursors carry), one past the window
 * tells whether a next page exists, and the records are read only for the
 * window. totalCount costs a count of its own, so it is taken only if asked.
 */
export function connectionJson(compilation: Compilation, field: AskedField, rows: ConnectionRows): string {
  const args = checkedArgs(field.args as PageArgs);
  const window = compilation.alias();
  const backward = (args.last ?? null) !== null || (args.before ?? null) !== null;
  const carried = rows.carried === true && !backward;
  const node = carried ? window : compilation.alias();
  const page = backward ? backwardPage(compilation, rows, window, args) : forwardPage(compilation, rows, window, windowOf(args, Number.MAX_SAFE_INTEGER));
  const { inWindow } = page;
  const nodeJson = (nodes: AskedField['nodes']) => compilation.object(rows.nodeType, node, nodes);
  const type = objectTypeOf(field.definition.type);

  function connectionField(name: string, nodes: AskedField['nodes']): string {
    switch (name) {
      case '__typename':
        return `'${type.name}'`;
      case 'nodes':
        return `coalesce(json_agg(${nodeJson(nodes)} order by ${window}.n) filter (where ${inWindow()}), '[]'::json)`;
      case 'edges':
        return `coalesce(json_agg(${edgeJson(nodes)} order by ${window}.n) filter (where ${inWindow()}), '[]'::json)`;
      case 'pageInfo':
        return pageInfoJson(nodes);
      case 'totalCount':
        return page.totalCount;
      case 'facets':
        return facetsJson(compilation, rows.nodeType, objectTypeOf(type.getFields().facets!.type), nodes, `select ${idOf(rows)} from ${rows.from} where ${rows.where}`);
      default:
        throw new NotCompiled(`no SQL for ${type.name}.${name}`);
    }
  }

  function edgeJson(edgeNodes: AskedField['nodes']): string {
    const named = objectTypeOf(type.getFields().edges!.type);
    const edgePairs = [...collectSubfields(compilation.scope, named, edgeNodes)].map(([key, nodes]) => {
      const name = nodes[0]!.name.value;
      if (name === '__typename') return `'${key}', '${named.name}'`;
      if (name === 'cursor') return `'${key}', ${cursorOf(`${window}.n - 1`)}`;
      if (name === 'node') return `'${key}', ${nodeJson(nodes)}`;
      throw new NotCompiled(`no SQL for ${named.name}.${name}`);
    });
    return `json_build_object(${edgePairs.join(', ')})`;
  }

  function pageInfoJson(infoNodes: AskedField['nodes']): string {
    const pageInfo = objectTypeOf(type.getFields().pageInfo!.type);
    const infoPairs = [...collectSubfields(compilation.scope, pageInfo, infoNodes)].map(([key, nodes]) => {
      const name = nodes[0]!.name.value;
      if (name === '__typename') return `'${key}', 'PageInfo'`;
      if (name === 'hasNextPage') return `'${key}', ${page.hasNextPage()}`;
      if (name === 'hasPreviousPage') return `'${key}', ${page.hasPreviousPage}`;
      if (name === 'startCursor') return `'${key}', ${cursorOf(`min(${window}.n) filter (where ${inWindow()}) - 1`)}`;
      if (name === 'endCursor') return `'${key}', ${cursorOf(`max(${window}.n) filter (where ${inWindow()}) - 1`)}`;
      throw new NotCompiled(`no SQL for PageInfo.${name}`);
    });
    return `json_build_object(${infoPairs.join(', ')})`;
  }

  const { result: pairs, joins } = compilation.inFromClause(() =>
    [...collectSubfields(compilation.scope, type, field.nodes)].map(([key, nodes]) => `'${key}', ${connectionField(nodes[0]!.name.value, nodes)}`),
  );
  const records = carried ? '' : `${backward ? 'left ' : ''}join ${compilation.tableOf(rows.nodeType)} ${node} on ${node}.id = ${window}.id`;
  const from = page.from();
  const ctes = page.ctes();
  return `(${ctes.length > 0 ? `with ${ctes.join(',\n    ')}\n    ` : ''}select json_build_object(${pairs.join(', ')}) from ${from}
    ${records}
    ${joins}${page.groupBy})`;
}
