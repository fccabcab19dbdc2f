import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { connectionFromArraySlice } from 'graphql-relay';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { windowOf, type PageArgs, type Window } from '../read/page-window.js';
import { PageInfo } from '../schema/page-info.js';

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
  /**
   * The ids of the whole list (every page), for its facets (src/resolvers/facets.resolver.ts); read on first ask.
   * Every list the helpers below page through has them; a search's hits, which are no list of records, do not.
   */
  facetIds?: () => Promise<number[]>;
}

/** The ids of a whole list, read once on first ask. */
function readOnce(ids: () => Promise<number[]>): () => Promise<number[]> {
  let read: Promise<number[]> | undefined;
  return () => (read ??= ids());
}

/** Builds the Relay connection type for a node type, named as the contract names it. */
export function ConnectionType<T extends object>(nodeType: ClassType<T> | object, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with the cursor that marks its place.` })
  class Edge {
    @Field({ description: 'Opaque place of this item in the list: pass it as after or before to page from here.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item itself.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection), with where to go next.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors: the shorter way to ask.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether there are pages before or after this one, and the cursors to reach them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has, across all pages (counted only when asked for).' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * Wraps the rows of a window into a connection with opaque offset cursors;
 * with the ids of the whole list when it is a list of records.
 */
export function connectionOf<T>(rows: T[], window: Window, args: PageArgs, totalCount: number, ids?: () => Promise<number[]>): Connection<T> {
  const connection = connectionFromArraySlice(
    rows,
    { ...args, first: args.first ?? undefined, last: args.last ?? undefined, after: args.after ?? undefined, before: args.before ?? undefined },
    { sliceStart: window.offset, arrayLength: totalCount },
  );
  // graphql-relay reports neighbours only in the direction of first/last; we know both, so we say both.
  const hasNextPage = window.offset + rows.length < totalCount;
  const hasPreviousPage = window.offset > 0;
  return {
    edges: connection.edges,
    nodes: connection.edges.map((edge) => edge.node),
    pageInfo: { ...connection.pageInfo, hasNextPage, hasPreviousPage },
    totalCount,
    ...(ids && { facetIds: readOnce(ids) }),
  };
}

/** Whether the query asks this connection for its totalCount, directly or in a fragment. */
function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  return Object.values(tree?.fieldsByTypeName ?? {}).some((fields) => Object.values(fields).some((field) => field.name === 'totalCount'));
}

/**
 * Pages through a list whose count and rows come from the database. The
 * count is a second statement as costly as the page, so it runs only when
 * the query asks for totalCount or pages backwards (which needs the end);
 * otherwise one row past the page tells whether there is a next page.
 * `ids` reads the ids of the whole list, for its facets, only if they are asked for.
 */
export async function paginate<T>(
  args: PageArgs,
  count: () => Promise<number>,
  fetch: (window: Window) => Promise<T[]>,
  ids: () => Promise<number[]>,
  info: GraphQLResolveInfo,
): Promise<Connection<T>> {
  const backwards = (args.last ?? args.before ?? null) !== null;
  if (!backwards && !selectsTotalCount(info)) {
    const window = windowOf(args, Number.MAX_SAFE_INTEGER);
    const rows = window.limit === 0 ? [] : await fetch({ offset: window.offset, limit: window.limit + 1 });
    // Unasked for, totalCount is never read; the rows seen are enough for pageInfo.
    return connectionOf(rows.slice(0, window.limit), window, args, window.offset + rows.length, ids);
  }
  const totalCount = await count();
  const window = windowOf(args, totalCount);
  const rows = window.limit === 0 ? [] : await fetch(window);
  return connectionOf(rows, window, args, totalCount, ids);
}

/** Pages through a list of records already in memory (short lists such as one person's participations). */
export function paginateArray<T extends { id: number }>(args: PageArgs, all: T[]): Connection<T> {
  const window = windowOf(args, all.length);
  return connectionOf(all.slice(window.offset, window.offset + window.limit), window, args, all.length, async () => all.map((record) => record.id));
}
