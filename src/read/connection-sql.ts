import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { NotCompiled, type AskedField, type Compilation } from './compilation.js';
import { base64Of } from './base64-sql.js';
import { windowOf, type PageArgs, type Window } from './page-window.js';
import { collectSubfields } from './selection.js';

/**
 * The rows a connection pages through: the ids of its `table`'s records that
 * `from … where …` finds, in `order` (which ends on the id, so it is total).
 * `row` is the alias of the listed record inside `from`.
 */
export type ConnectionRows = { nodeType: string; from: string; row: string; where: string; order: string };

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

/**
 * The page a forward request asks for. Backward paging, an empty page and
 * arguments the resolvers would refuse are left to them, so that their
 * answers and messages stay theirs.
 */
function forwardWindow(args: PageArgs): Window {
  if ((args.last ?? null) !== null || (args.before ?? null) !== null || args.first === 0) throw new NotCompiled('backward or empty page');
  try {
    return windowOf(args, Number.MAX_SAFE_INTEGER);
  } catch {
    throw new NotCompiled('page arguments the resolvers refuse');
  }
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
  const { offset, limit } = forwardWindow(field.args as PageArgs);
  const { params } = compilation;
  const window = compilation.alias();
  const node = compilation.alias();
  const end = params.bind(offset + limit, 'int');
  const inWindow = `${window}.n <= ${end}`;
  const nodeJson = (nodes: AskedField['nodes']) => compilation.object(rows.nodeType, node, nodes);
  const type = objectTypeOf(field.definition.type);

  function connectionField(name: string, nodes: AskedField['nodes']): string {
    switch (name) {
      case '__typename':
        return `'${type.name}'`;
      case 'nodes':
        return `coalesce(json_agg(${nodeJson(nodes)} order by ${window}.n) filter (where ${inWindow}), '[]'::json)`;
      case 'edges':
        return `coalesce(json_agg(${edgeJson(nodes)} order by ${window}.n) filter (where ${inWindow}), '[]'::json)`;
      case 'pageInfo':
        return pageInfoJson(nodes);
      case 'totalCount':
        return `(select count(*) from ${rows.from} where ${rows.where})::int`;
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
      if (name === 'hasNextPage') return `'${key}', count(*) > ${params.bind(limit, 'int')}`;
      if (name === 'hasPreviousPage') return `'${key}', ${offset > 0 ? 'true' : 'false'}`;
      if (name === 'startCursor') return `'${key}', ${cursorOf(`min(${window}.n) - 1`)}`;
      if (name === 'endCursor') return `'${key}', ${cursorOf(`max(${window}.n) filter (where ${inWindow}) - 1`)}`;
      throw new NotCompiled(`no SQL for PageInfo.${name}`);
    });
    return `json_build_object(${infoPairs.join(', ')})`;
  }

  const { result: pairs, joins } = compilation.inFromClause(() =>
    [...collectSubfields(compilation.scope, type, field.nodes)].map(([key, nodes]) => `'${key}', ${connectionField(nodes[0]!.name.value, nodes)}`),
  );
  // The page is cut first (PostgreSQL keeps the top rows of an ordered scan or heap) and numbered after,
  // from its offset, by the same keys.
  const keys = orderKeys(rows.order);
  const start = params.bind(offset, 'int');
  const page = `select ${rows.row}.id, ${keys.map((key, index) => `${key.expression} as k${index}`).join(', ')} from ${rows.from}
    where ${rows.where} order by ${rows.order} offset ${start} limit ${params.bind(limit + 1, 'int')}`;
  const numbered = `select page.id, ${start} + row_number() over (order by ${keys.map((key, index) => `k${index}${key.direction}`).join(', ')}) as n
    from (${page}) page`;
  return `(select json_build_object(${pairs.join(', ')}) from (${numbered}) ${window} join ${compilation.tableOf(rows.nodeType)} ${node} on ${node}.id = ${window}.id
    ${joins})`;
}
