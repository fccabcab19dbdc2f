import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

type Refusal = { status: number; code: unknown; message: string; sqlStatements: unknown };

describe('queries beyond the configured limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      environment: {
        REPORT_SQL_STATEMENTS: 'true',
        MAX_QUERY_DEPTH: '4',
        MAX_QUERY_ALIASES: '2',
        MAX_QUERY_TOKENS: '80',
        MAX_QUERY_COST: '60',
        MAX_QUERY_DIRECTIVES: '2',
      },
    });
  });
  afterAll(() => app.close());

  async function refusalOf(query: string): Promise<Refusal> {
    const { status, body } = await app.post({ query });
    const error = body.errors?.[0];
    return {
      status,
      code: error?.extensions?.code,
      message: error?.message ?? '',
      sqlStatements: (body as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements,
    };
  }

  it('answers a query within every limit, reading the database', async () => {
    const { status, body } = await app.post({ query: '{ topic(slug: "internal-audit") { name } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { topic: { name: 'Internal audit' } }, extensions: { sqlStatements: 1 } });
  });

  it('refuses a query deeper than MAX_QUERY_DEPTH before any resolver runs', async () => {
    const refusal = await refusalOf('{ conferences { nodes { series { organiser { parent { name } } } } } }');
    expect(refusal).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Syntax Error: Query depth limit of 4 exceeded, found 6.',
      sqlStatements: 0,
    });
  });

  it('refuses more aliases than MAX_QUERY_ALIASES', async () => {
    const refusal = await refusalOf('{ a: topics { totalCount } b: topics { totalCount } c: topics { totalCount } }');
    expect(refusal).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Syntax Error: Aliases limit of 2 exceeded, found 3.',
      sqlStatements: 0,
    });
  });

  it('refuses a query of more tokens than MAX_QUERY_TOKENS', async () => {
    const fields = Array.from({ length: 100 }, () => 'totalCount').join(' ');
    const refusal = await refusalOf(`{ topics { ${fields} } }`);
    expect(refusal).toEqual({
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      // graphql-js's wording, typo included.
      message: 'Syntax Error: Document contains more that 80 tokens. Parsing aborted.',
      sqlStatements: 0,
    });
  });

  it('refuses a query costlier than MAX_QUERY_COST, pricing each list by the page it asks for', async () => {
    // A page of 50 topics is 51 records to read; a page of 60 with its count is 62.
    const fits = await app.post({ query: '{ topics(first: 50) { nodes { slug } } }' });
    expect(fits.status).toBe(200);
    expect(fits.body.errors).toBeUndefined();
    const refusal = await refusalOf('{ topics(first: 60) { totalCount nodes { slug } } }');
    expect(refusal).toEqual({
      status: 400,
      code: 'QUERY_TOO_COSTLY',
      message: 'Query cost 62 is above the limit of 60: ask for smaller pages (first/last), fewer nested lists or fewer searches.',
      sqlStatements: 0,
    });
  });

  it('refuses more directives than MAX_QUERY_DIRECTIVES', async () => {
    const refusal = await refusalOf('{ topics @include(if: true) @include(if: true) @skip(if: false) { totalCount } }');
    expect(refusal).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Syntax Error: Directives limit of 2 exceeded, found 3.',
      sqlStatements: 0,
    });
  });
});

describe('the cost of search', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { MAX_QUERY_COST: '5100', SEARCH_COST: '2500' } });
  });
  afterAll(() => app.close());

  it('weighs each search at SEARCH_COST over its selection: two fit within MAX_QUERY_COST, three do not', async () => {
    const two = await app.post({ query: '{ a: search(query: "audit") { totalCount } b: search(query: "risk") { totalCount } }' });
    expect(two.status).toBe(200);
    expect(two.body.errors).toBeUndefined();

    const three = await app.post({
      query: '{ a: search(query: "audit") { totalCount } b: search(query: "risk") { totalCount } ...More } fragment More on Query { c: search(query: "ethics") { totalCount } }',
    });
    expect(three.status).toBe(400);
    // Each search is 2,500, its connection and its count one each.
    expect(three.body.errors).toEqual([
      {
        message: 'Query cost 7506 is above the limit of 5100: ask for smaller pages (first/last), fewer nested lists or fewer searches.',
        extensions: { code: 'QUERY_TOO_COSTLY', cost: 7506, maxCost: 5100 },
      },
    ]);
  });
});

describe('the cost limit at its defaults (MAX_QUERY_COST 50,000 records)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app.close());

  type Sessions = { totalCount: number; nodes: Array<{ title: string; conference: { year: number } }> };

  it('admits every topic with its first 50 sessions (priced 10,301), page sizes sent as variables included', async () => {
    const query = `query TopicsWithSessions($topics: Int, $sessions: Int) {
      topics(first: $topics) { totalCount nodes { slug sessions(first: $sessions) { totalCount nodes { title conference { year } } } } }
    }`;
    const { status, body } = await app.post({ query, variables: { topics: 100, sessions: 50 } });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const topics = (body.data as { topics: { totalCount: number; nodes: Array<{ slug: string; sessions: Sessions }> } }).topics;
    expect(topics.totalCount).toBe(23);
    expect(topics.nodes[0]).toEqual({ slug: 'assessment-and-development-centres', sessions: { totalCount: 0, nodes: [] } });
    expect(topics.nodes.find((topic) => topic.slug === 'organisational-performance-management')?.sessions).toEqual({
      totalCount: 1,
      nodes: [{ title: 'Organisational Performance Management', conference: { year: 2007 } }],
    });
  });

  it('admits the organisations with their sessions and years (priced 20,301)', async () => {
    const query = '{ organisations(first: 100) { totalCount nodes { name sessions(first: 100) { totalCount nodes { title conference { year } } } } } }';
    const { status, body } = await app.post({ query });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const organisations = (body.data as { organisations: { totalCount: number; nodes: Array<{ name: string; sessions: Sessions }> } }).organisations;
    expect(organisations.totalCount).toBe(18);
    expect(organisations.nodes[0]).toEqual({
      name: 'Centre for Public Service Innovation',
      sessions: { totalCount: 1, nodes: [{ title: 'Organisational Performance Management', conference: { year: 2007 } }] },
    });
  });

  const abusive = `query Abusive($page: Int) {
    topics(first: $page) { nodes { sessions(first: $page) { nodes { participants { person {
      participations(first: $page) { nodes { session { title } } } } } } } } }
  }`;

  it('refuses topics, their sessions, participants and their participations in pages of a hundred (priced 10,160,201), naming the cost and the limit, before reading anything', async () => {
    const { status, body } = await app.post({ query: abusive.replace('($page: Int)', '').replaceAll('$page', '100') });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'Query cost 10160201 is above the limit of 50000: ask for smaller pages (first/last), fewer nested lists or fewer searches.',
          extensions: { code: 'QUERY_TOO_COSTLY', cost: 10160201, maxCost: 50000 },
        },
      ],
      extensions: { sqlStatements: 0 },
    });
  });

  it('prices page sizes sent as variables as those written in the query (graphql-armor priced them at 1)', async () => {
    const { status, body } = await app.post({ query: abusive, variables: { page: 100 } });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions)).toEqual([{ code: 'QUERY_TOO_COSTLY', cost: 10160201, maxCost: 50000 }]);
  });
});

describe('a server with introspection disabled', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { GRAPHQL_INTROSPECTION: 'false' } });
  });
  afterAll(() => app.close());

  it('refuses introspection', async () => {
    const { status, body } = await app.post({ query: '{ __schema { types { name } } }' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('names no fields when a query misspells one', async () => {
    const { body } = await app.post({ query: '{ conferenc { totalCount } }' });
    // graphql-armor replaces the suggested names, keeping graphql-js's closing question mark.
    expect(body.errors?.map((error) => error.message)).toEqual(['Cannot query field "conferenc" on type "Query". [Suggestion hidden]?']);
  });
});

describe('the database statement timeout', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { STATEMENT_TIMEOUT_MS: '300' } });
  });
  afterAll(() => app.close());

  it('applies STATEMENT_TIMEOUT_MS to every connection the server uses', async () => {
    const em = app.lekgotla.database.orm.em.fork();
    expect(await em.execute('show statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
    await expect(em.execute('select pg_sleep(2)')).rejects.toThrow(/statement timeout/);
  });
});
