import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { connectToTestDatabase } from './support/databases.js';

/**
 * Search ranks a query of alternative words from the postings, reading the
 * best hits of the commonest form from the front of its index (docs/queries.md,
 * "How hits are ranked"). These tests rank the same queries the long way, from
 * the documents themselves on a clone of the seed corpus: every record that
 * holds a form, scored the sum over the query's forms of its best document's
 * ts_rank for that form, divided by the number of forms. Small pages make
 * the index's front as short as it can be.
 */

/** Each kind of hit searched here, its documents, and a readable key of the record. */
const KINDS = {
  CONFERENCE: {
    documents: 'select id, search_document from conference union all select conference_id, search_document from objective',
    key: (id: string) => `(select 'Conference ' || year from conference where id = ${id})`,
  },
  SESSION: {
    documents: 'select id, search_document from session union all select session_id, search_document from search_context_session',
    key: (id: string) => `(select 'Session ' || ref from session where id = ${id})`,
  },
  ORGANISATION: {
    documents: 'select id, search_document from organisation',
    key: (id: string) => `(select 'Organisation ' || name from organisation where id = ${id})`,
  },
  SOURCE: {
    documents: 'select id, search_document from source',
    key: (id: string) => `(select 'Source ' || key from source where id = ${id})`,
  },
} as const;
const TYPES = Object.keys(KINDS);

/** The hits of words joined by OR, ranked from the documents: each with its key and score, best first, as search orders them. */
async function rankedFromDocuments(client: pg.ClientBase, words: string): Promise<Array<{ key: string; score: number }>> {
  const scored = Object.entries(KINDS).map(
    ([type, { documents }]) => `
      select '${type}' as type, d.id, l.lexeme, max(ts_rank(d.search_document, lekgotla_lexeme_query(l.lexeme))) as best
        from (${documents}) d, lexeme l where d.search_document @@ lekgotla_lexeme_query(l.lexeme) group by d.id, l.lexeme`,
  );
  const keyed = Object.entries(KINDS).map(([type, { key }]) => `when '${type}' then ${key('h.id')}`).join(' ');
  const { rows } = await client.query<{ key: string; score: number }>(
    `with lexeme as (select unnest(tsvector_to_array(to_tsvector('lekgotla_english', $1) || to_tsvector('lekgotla_simple', $1))) as lexeme),
     hit as (select type, id, sum(best::float8) as rank from (${scored.join(' union all ')}) s group by type, id)
     select case h.type ${keyed} end as key, (h.rank / (select count(*) from lexeme))::real::float8 as score
       from hit h order by h.rank desc, h.type, h.id`,
    [words.replaceAll(' OR ', ' ')],
  );
  return rows;
}

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { score: number; node: Record<string, string | number> } }> };

const SEARCH = `query Ranked($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { score node { __typename ... on Conference { year } ... on Session { ref } ... on Organisation { name } ... on Source { key } } } }
  }
}`;

const keyOf = (node: Record<string, string | number>) => `${node.__typename} ${node.year ?? node.ref ?? node.name ?? node.key}`;

let app: TestApp;
let database: Awaited<ReturnType<typeof connectToTestDatabase>>;
let client: pg.Client;
beforeAll(async () => {
  app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  database = await connectToTestDatabase(inject('serverUrl'));
  client = database.client;
});
afterAll(async () => {
  await database?.close();
  await app?.close();
});

/** Every hit of the query, page by page of `first`, with the total each page gave. */
async function walk(query: string, first: number) {
  const hits: Array<{ key: string; score: number }> = [];
  const totals = new Set<number>();
  let after: string | null = null;
  // A page that repeats or skips hits would walk on forever: no query here has more than 100 pages.
  for (let pages = 0; pages < 100; pages += 1) {
    const { status, body } = await app.post({ query: SEARCH, variables: { query, types: TYPES, first, after } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const page = (body.data as { search: Page }).search;
    totals.add(page.totalCount);
    hits.push(...page.edges.map((edge) => ({ key: keyOf(edge.node.node), score: edge.node.score })));
    if (!page.pageInfo.hasNextPage) return { hits, totals: [...totals] };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`"${query}" has more than 100 pages of ${first}`);
}

describe('ranking from the postings', () => {
  // "management" is two forms: the stem "manag" (also of "managers", "managing") and "management" as written.
  // "service" pairs its postings both ways: a session's "service" looks up hashed postings of "servic" (6 against
  // 1), a conference's (7 against none) looks each one up (search-query.ts, otherPostings). "leadership" is its own
  // stem, one lexeme, ranked by the statement without the other forms' postings (rankedAlone).
  it.each([['management', 11], ['service', 21], ['leadership', 8]])(
    'gives, page by page, the hits and order that ranking every document gives, for one word: %s',
    async (word, atLeast) => {
      const expected = await rankedFromDocuments(client, word);
      expect(expected.length).toBeGreaterThanOrEqual(atLeast);
      const { hits, totals } = await walk(word, 3);
      expect(totals).toEqual([expected.length]);
      expect(hits.map((hit) => hit.key)).toEqual(expected.map((hit) => hit.key));
      hits.forEach((hit, index) => expect(hit.score, hit.key).toBeCloseTo(expected[index]!.score, 6));
    },
  );

  it('does so for words joined by OR, a record holding several of them summing its scores', async () => {
    const expected = await rankedFromDocuments(client, 'leadership OR pipeline OR women');
    const { hits, totals } = await walk('leadership OR pipeline OR women', 2);
    expect(totals).toEqual([expected.length]);
    expect(hits.map((hit) => hit.key)).toEqual(expected.map((hit) => hit.key));
    hits.forEach((hit, index) => expect(hit.score, hit.key).toBeCloseTo(expected[index]!.score, 6));
    // Commission 3, "Women in Leadership", holds two of the words and ranks above a session holding one.
    expect(hits.findIndex((hit) => hit.key === 'Session day-1-commission-3')).toBeLessThan(hits.findIndex((hit) => hit.key === 'Session day-1-gala-dinner'));
  });

  it("scores a record of one document as PostgreSQL's ts_rank scores its document against the query", async () => {
    const { rows } = await client.query<{ key: string; score: number }>(
      `select 'Source ' || key as key, ts_rank(search_document, websearch_to_tsquery('lekgotla_english', $1) || websearch_to_tsquery('lekgotla_simple', $1))::float8 as score
         from source where search_document @@ (websearch_to_tsquery('lekgotla_english', $1) || websearch_to_tsquery('lekgotla_simple', $1)) order by key`,
      ['management OR leaders'],
    );
    expect(rows.length).toBeGreaterThan(1);
    const { hits } = await walk('management OR leaders', 100);
    for (const row of rows) expect(hits.find((hit) => hit.key === row.key)?.score, row.key).toBeCloseTo(row.score, 6);
  });

  it('sends two statements for a word that finds something, three for one corrected or widened', async () => {
    const statementsFor = async (query: string) => {
      // No hit asked for: the records of a page are loaded by statements of their own, one per kind.
      const { body } = await app.post({ query: 'query Count($query: String!) { search(query: $query, first: 0) { totalCount } }', variables: { query } });
      expect(body.errors).toBeUndefined();
      return { total: (body.data as { search: { totalCount: number } }).search.totalCount, statements: (body as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements };
    };
    // One statement decides that "management" needs no help and how to rank it; the second ranks.
    expect((await statementsFor('management')).statements).toBe(2);
    // "Ijoema" finds nothing and is corrected to "ijeoma"; "mentorship" finds nothing and is widened to its topic.
    expect(await statementsFor('Ijoema')).toEqual({ total: (await statementsFor('Ijeoma')).total, statements: 3 });
    expect(await statementsFor('mentorship')).toEqual({ total: 3, statements: 3 });
  });
});
