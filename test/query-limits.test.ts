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

  it('refuses a query costlier than MAX_QUERY_COST', async () => {
    // 50 fields stay within the token limit but, at 1.5 each, not within the cost limit.
    const fields = Array.from({ length: 50 }, () => 'totalCount').join(' ');
    const refusal = await refusalOf(`{ topics { ${fields} } }`);
    expect(refusal).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Syntax Error: Query Cost limit of 60 exceeded, found 77.',
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
    // graphql-armor prices the selections at 18.875 (a fragment's fields weigh more); the three searches add 3 × 2,500.
    expect(three.body.errors).toEqual([
      { message: 'Syntax Error: Query Cost limit of 5100 exceeded, found 7518.875.', locations: [{ line: 1, column: 1 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
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
