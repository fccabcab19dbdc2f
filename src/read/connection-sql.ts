import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { NotCompiled, type AskedField, type Compilation, type SharedRow } from './compilation.js';
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
 * quarter fewer pages so), with the tids of the rows `beside` them that
 * `from` joined to order them; a carried table has no column named `n`,
 * `k0`, `k1`, … (the page's number and order keys) or `b0`, `b1`, … (tids).
 */
export type ConnectionRows = {
  nodeType: string;
  from: string;
  row: string;
  where: string;
  order: string;
  walk?: OrderedWalk;
  carried?: boolean;
  beside?: readonly RowBeside[];
};

/**
 * A row of `from` that a listed record's foreign key points to: `tid` is its
 * tid, where it is that key's row (null elsewhere), and `within` the rows its
 * own foreign keys point to. Its to-one field then joins it by the tid.
 */
export type RowBeside = { foreignKey: string; tid: string; within?: readonly RowBeside[] };

/** The tids of the rows beside a page's records, each named by its column (`b0`, `b1`, …) in the page. */
function tidsBeside(beside: readonly RowBeside[], window: string): { columns: string[]; shared: Map<string, SharedRow> } {
  const columns: string[] = [];
  const shareAll = (rows: readonly RowBeside[]): Map<string, SharedRow> =>
    new Map(
      rows.map(({ foreignKey, tid, within = [] }) => {
        const column = `b${columns.length}`;
        columns.push(`${tid} as ${column}`);
        return [foreignKey, { at: `${window}.${column}`, within: shareAll(within) }];
      }),
    );
  return { columns, shared: shareAll(beside) };
}

/**
 * The same rows read in list order, for a list that is dense in its table:
 * `from` (same aliases as the rows' FROM) lets PostgreSQL walk an index in
 * the order's leading keys and stop at the page's end, where the plain FROM
 * would sort every match to keep a page. `dense` tells, as an SQL condition
 * on how many rows the page needs (from the first), whether the walk is the
 * cheaper; without it the walk is always taken.
 */
export type OrderedWalk = { from: string; dense?: (rowsWanted: string) => string };

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
 * records), which of its rows are in the page, and its pageInfo and count.
 */
type PageSql = { from: string; inWindow: () => string; hasNextPage: () => string; hasPreviousPage: string; totalCount: string; groupBy: string };

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
  const carried = rows.carried ? [`${rows.row}.*`, ...besideThePage(compilation, rows, window)] : [`${rows.row}.id`];
  const pageOf = (from: string, where: string) => `select ${carried.join(', ')}, ${keys.map((key, index) => `${key.expression} as k${index}`).join(', ')} from ${from}
    where ${where} order by ${rows.order} offset ${start} limit ${limit}`;
  const page = rows.walk ? walkedPage(rows, rows.walk, pageOf, `${start} + ${limit}`) : pageOf(rows.from, rows.where);
  return {
    from: `(select page.${rows.carried ? '*' : 'id'}, ${start} + row_number() over (order by ${orderedBy(keys)}) as n from (${page}) page) ${window}`,
    inWindow: once(() => `${window}.n <= ${params.bind(cut.offset + cut.limit, 'int')}`),
    hasNextPage: once(() => `count(*) > ${params.bind(cut.limit, 'int')}`),
    hasPreviousPage: cut.offset > 0 ? 'true' : 'false',
    totalCount: `(select count(*) from ${rows.from} where ${rows.where})::int`,
    // One row even for an empty page, whether or not the selection aggregates.
    groupBy: ' group by ()',
  };
}

/** The columns of a carried page that hold the tids of the rows beside its records, shared with their to-one fields. */
function besideThePage(compilation: Compilation, rows: ConnectionRows, window: string): string[] {
  if (!rows.beside) return [];
  const { columns, shared } = tidsBeside(rows.beside, window);
  compilation.share(window, shared);
  return columns;
}

/**
 * A forward page through the walk when it is the cheaper: both ways are
 * written, and the one the density check rules out is never run (its
 * condition is a constant to PostgreSQL, checked once before the branch).
 */
function walkedPage(rows: ConnectionRows, walk: OrderedWalk, pageOf: (from: string, where: string) => string, rowsWanted: string): string {
  if (!walk.dense) return pageOf(walk.from, rows.where);
  return `with walk as materialized (select ${walk.dense(rowsWanted)} as dense)
    (${pageOf(walk.from, `(${rows.where}) and (select dense from walk)`)})
    union all
    (${pageOf(rows.from, `(${rows.where}) and not (select dense from walk)`)})`;
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
  const numbered = `select ${rows.row}.id, row_number() over (order by ${rows.order}) as n from ${rows.from} where ${rows.where}`;
  return {
    from: `(select count(*)::int as total from ${rows.from} where ${rows.where}) tot
      cross join lateral (select least(${start}, ${total}) as s, ${end} as e) bounds
      left join lateral (select numbered.id, numbered.n from (${numbered}) numbered where numbered.n > bounds.s and numbered.n <= bounds.e) ${window} on true`,
    inWindow: () => `${window}.id is not null`,
    hasNextPage: () => 'greatest(bounds.s, bounds.e) < tot.total',
    hasPreviousPage: 'bounds.s > 0',
    totalCount: 'tot.total',
    groupBy: ' group by tot.total, bounds.s, bounds.e',
  };
}

function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType {
  const named = getNamedType(type);
  if (!isObjectType(named)) throw new NotCompiled(`${named.name} is not an object type`);
  return named;
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
        return facetsJson(compilation, rows.nodeType, objectTypeOf(type.getFields().facets!.type), nodes, `select ${rows.row}.id from ${rows.from} where ${rows.where}`);
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
  return `(select json_build_object(${pairs.join(', ')}) from ${page.from}
    ${records}
    ${joins}${page.groupBy})`;
}
