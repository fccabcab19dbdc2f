import type { EntityManager } from '@mikro-orm/postgresql';
import { getArgumentValues, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { base64Of } from './base64-sql.js';
import { NotCompiled, objectTypeOf, type AskedField, type FieldSql } from './compilation.js';
import { windowOf, type Window } from './page-window.js';
import { pageStatement } from './search-query.js';
import { prepareSearch, type PreparedSearch } from './search-rows.js';
import { hasWord } from './search-text.js';
import { searchedTypes, SearchType } from './search-type.js';
import { collectRootFields, collectSubfields, type OperationScope } from './selection.js';

/** The GraphQL type of each kind of hit. */
const typeNameOf: Record<SearchType, string> = {
  [SearchType.CONFERENCE]: 'Conference',
  [SearchType.SESSION]: 'Session',
  [SearchType.PERSON]: 'Person',
  [SearchType.ORGANISATION]: 'Organisation',
  [SearchType.SOURCE]: 'Source',
  [SearchType.POSITION]: 'Position',
};

/** A search as asked: the query as typed, the kinds of record and the window of hits. */
type AskedSearch = { query: string; types: SearchType[]; window: Window };

/** A search among an operation's root fields: its first field node, by which its preparation is found, and what it asks. */
export type SearchField = AskedSearch & { node: FieldNode };

/**
 * What a search's coerced arguments ask, or null when the resolver refuses
 * them (no word to look for, a bad page size or cursor): its errors stay its own.
 */
function askedSearch(args: Record<string, unknown>): AskedSearch | null {
  if (typeof args.query !== 'string' || !hasWord(args.query)) return null;
  try {
    const window = windowOf({ first: args.first as number | null | undefined, after: args.after as string | null | undefined }, Number.MAX_SAFE_INTEGER);
    return { query: args.query, types: searchedTypes(args.types as SearchType[] | null | undefined), window };
  } catch {
    return null;
  }
}

/** The searches among an operation's root fields that the read floor may answer, once each is prepared (prepareSearches). */
export function searchFieldsOf(scope: OperationScope, queryType: GraphQLObjectType, operation: OperationDefinitionNode): SearchField[] {
  const definition = queryType.getFields().search;
  if (!definition) return [];
  return [...collectRootFields(scope, queryType, operation.selectionSet).values()].flatMap((nodes) => {
    const node = nodes[0]!;
    if (node.name.value !== 'search') return [];
    try {
      const search = askedSearch(getArgumentValues(definition, node, scope.variables));
      return search ? [{ ...search, node }] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Prepares each search (src/read/search-rows.ts: one statement, two when a
 * word needed help): which words find nothing, and which way the query ranks,
 * depend on the data, so they are read before the operation compiles.
 */
export async function prepareSearches(em: EntityManager, fields: readonly SearchField[]): Promise<Map<FieldNode, PreparedSearch>> {
  return new Map(await Promise.all(fields.map(async (field) => [field.node, await prepareSearch(em, field.query, field.types)] as const)));
}

/** A preparation that stands in for the real one, to learn whether an operation compiles before reading any plan. */
export const unprepared = (fields: readonly SearchField[]): Map<FieldNode, PreparedSearch> =>
  new Map(fields.map((field) => [field.node, { query: { text: '', name: '' }, plan: { lexemes: null, ranked: false } }]));

const cursorOf = (offset: string) => base64Of('arrayconnection:', `(${offset})`);

/**
 * Query.search as one SQL expression: the prepared search's page statement
 * (ranked or whole, src/read/search-query.ts) is a subquery, its rows
 * numbered in its order, and each hit's record is read by the read floor's
 * own SQL for its type. Cursors, counts and pageInfo are those the resolver
 * gives (connectionOf over the window).
 */
export const searchRoot: FieldSql = (compilation, _row, field) => {
  const search = askedSearch(field.args);
  const prepared = compilation.searches.get(field.nodes[0]!);
  if (!search) throw new NotCompiled('search arguments the resolver refuses');
  if (!prepared) throw new NotCompiled('a search whose plan was not read');
  const { scope, params } = compilation;
  const page = pageStatement(search.types, prepared.query, prepared.plan, search.window);
  const hit = compilation.alias();
  let bound: string | undefined;
  // Bound on first use: PostgreSQL refuses a parameter the statement never uses.
  const offset = () => (bound ??= params.bind(search.window.offset, 'int'));
  const total = `coalesce(min(${hit}.total), 0)`;
  // As connectionOf: the page's hits, none past the total.
  const inPage = () => `${hit}.id is not null and ${offset()} + ${hit}.n <= ${hit}.total`;
  const connection = objectTypeOf(field.definition.type);
  const edge = objectTypeOf(connection.getFields().edges!.type);
  const hitType = objectTypeOf(edge.getFields().node!.type);

  const recordJson = (nodes: AskedField['nodes']) => {
    const branches = search.types.map((type) => {
      const record = compilation.alias();
      const typeName = typeNameOf[type];
      const { json, joins } = compilation.objectWithJoins(typeName, record, nodes);
      return `when '${type}' then (select ${json} from ${compilation.tableOf(typeName)} ${record} ${joins} where ${record}.id = ${hit}.id)`;
    });
    return `case ${hit}.type ${branches.join('\n      ')} end`;
  };

  const objectJson = (type: GraphQLObjectType, nodes: AskedField['nodes'], value: (name: string, nodes: AskedField['nodes']) => string) => {
    const pairs = [...collectSubfields(scope, type, nodes)].map(([key, subnodes]) => {
      const name = subnodes[0]!.name.value;
      return `'${key}', ${name === '__typename' ? `'${type.name}'` : value(name, subnodes)}`;
    });
    return `json_build_object(${pairs.join(', ')})`;
  };

  const unknown = (type: GraphQLObjectType, name: string) => {
    throw new NotCompiled(`no SQL for ${type.name}.${name}`);
  };

  const hitJson = (nodes: AskedField['nodes']) =>
    objectJson(hitType, nodes, (name, subnodes) => {
      if (name === 'score') return `${hit}.score`;
      if (name === 'highlight') return `${hit}.highlight`;
      if (name === 'node') return recordJson(subnodes);
      return unknown(hitType, name);
    });

  const edgeJson = (nodes: AskedField['nodes']) =>
    objectJson(edge, nodes, (name, subnodes) => {
      if (name === 'cursor') return cursorOf(`${offset()} + ${hit}.n - 1`);
      if (name === 'node') return hitJson(subnodes);
      return unknown(edge, name);
    });

  const pageInfoJson = (nodes: AskedField['nodes']) => {
    const pageInfo = objectTypeOf(connection.getFields().pageInfo!.type);
    return objectJson(pageInfo, nodes, (name) => {
      if (name === 'hasNextPage') return `${offset()} + count(${hit}.id) < ${total}`;
      if (name === 'hasPreviousPage') return search.window.offset > 0 ? 'true' : 'false';
      if (name === 'startCursor') return cursorOf(`${offset()} + min(${hit}.n) filter (where ${inPage()}) - 1`);
      if (name === 'endCursor') return cursorOf(`${offset()} + max(${hit}.n) filter (where ${inPage()}) - 1`);
      return unknown(pageInfo, name);
    });
  };

  const answer = objectJson(connection, field.nodes, (name, nodes) => {
    if (name === 'totalCount') return total;
    if (name === 'edges') return `coalesce(json_agg(${edgeJson(nodes)} order by ${hit}.n) filter (where ${inPage()}), '[]'::json)`;
    if (name === 'nodes') return `coalesce(json_agg(${hitJson(nodes)} order by ${hit}.n) filter (where ${inPage()}), '[]'::json)`;
    if (name === 'pageInfo') return pageInfoJson(nodes);
    return unknown(connection, name);
  });
  return `(select ${answer} from (${params.embed(page.sql, page.values)}) ${hit})`;
};
