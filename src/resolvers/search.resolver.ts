import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../errors.js';
import type { Context } from '../context.js';
import { windowOf } from '../read/page-window.js';
import { connectionOf, type Connection } from './connection.js';
import { SearchHitConnection } from './connections.js';
import { searchRows } from '../read/search-rows.js';
import { hasWord } from '../read/search-text.js';
import { searchedTypes } from '../read/search-type.js';
import { SearchHit, SearchType } from './search.types.js';

const loaderOf = {
  [SearchType.CONFERENCE]: 'conference',
  [SearchType.SESSION]: 'session',
  [SearchType.PERSON]: 'person',
  [SearchType.ORGANISATION]: 'organisation',
  [SearchType.SOURCE]: 'source',
  [SearchType.POSITION]: 'position',
} as const;

@Resolver()
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      "Full-text search over titles, themes, key issues, objectives, names, positions and source text; a session is also found by the names of who took part, their organisations and its topics. A word that finds nothing is corrected to a name one slip away, and a word of the topic taxonomy also finds its topic's synonyms.",
  })
  async search(
    @Ctx() { em, loaders }: Context,
    @Arg('query', { description: 'Words to look for, e.g. "performance management" or a surname.' }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Which kinds of record to search; all of them when absent.' }) types?: SearchType[],
    @Arg('first', () => Int, { nullable: true, description: 'How many hits to return: 20 if not given, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from an earlier page: return the hits after it.' }) after?: string,
  ): Promise<Connection<SearchHit>> {
    if (!hasWord(query)) throw badUserInput('query must contain at least one word (a letter or a digit)', 'query');
    const page = { first, after };
    // The total is only known with the rows, so the window is sized first and checked against it after.
    const window = windowOf(page, Number.MAX_SAFE_INTEGER);
    const rows = await searchRows(em, query, searchedTypes(types), window);
    const totalCount = rows[0]?.total ?? 0;
    const hits = await Promise.all(
      rows.flatMap((row) => (row.id === null ? [] : [{ ...row, id: row.id }])).map(async (row) => ({
        node: (await loaders[loaderOf[row.type]].get(row.id))!,
        score: row.score,
        highlight: row.highlight,
      })),
    );
    return connectionOf(hits, window, page, totalCount);
  }
}
