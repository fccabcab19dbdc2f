import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

/** Distinct made-up words, as a hostile client sends them: each one more term for the search to weigh. */
function hostileText(characters: number): string {
  let text = '';
  for (let index = 0; text.length < characters; index++) text += `${((index * 2654435761) % 4294967296).toString(36)} `;
  return text.slice(0, characters);
}

const fifteenSearches = `query Fifteen($q: String!) { ${Array.from({ length: 15 }, (_, index) => `s${index}: search(query: $q) { totalCount }`).join(' ')} }`;

describe('text arguments beyond their limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app?.close());

  const stillServes = async () => {
    const { status, body } = await app.post({ query: '{ topic(slug: "internal-audit") { name } }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ topic: { name: 'Internal audit' } });
  };

  it('15 aliases of search sharing one 96 KB variable are refused with BAD_USER_INPUT before any SQL, and the server serves on', async () => {
    const { status, body } = await app.post({ query: fifteenSearches, variables: { q: hostileText(96_000) } });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'search(query:) takes at most 200 characters; 96000 were sent',
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'query', maxLength: 200 },
        },
      ],
      extensions: { sqlStatements: 0 },
    });
    await stillServes();
  });

  it('a 90 KB name filter on people is refused the same way, naming filter.name and its limit', async () => {
    const { status, body } = await app.post({
      query: 'query People($name: String!) { people(filter: { name: $name }) { totalCount } }',
      variables: { name: hostileText(90_000) },
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'people(filter.name:) takes at most 200 characters; 90000 were sent',
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.name', maxLength: 200 },
        },
      ],
      extensions: { sqlStatements: 0 },
    });
    await stillServes();
  });

  it('bounds text written into the query itself as well as variables, inside fragments too', async () => {
    const slug = 'x'.repeat(201);
    const { status, body } = await app.post({ query: `query { ...Audit } fragment Audit on Query { topic(slug: "${slug}") { name } }` });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: 'topic(slug:) takes at most 200 characters; 201 were sent',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'slug', maxLength: 200 },
      },
    ]);
  });

  it('a null character in a text argument is the caller\'s mistake (PostgreSQL cannot store it): BAD_USER_INPUT', async () => {
    const { status, body } = await app.post({
      query: 'query Topic($slug: String!) { topic(slug: $slug) { name } }',
      variables: { slug: 'internal-audit\u0000' },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: 'topic(slug:) contains a null character, which no text may hold',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'slug' },
      },
    ]);
  });

  it('accepts a search of exactly 200 characters', async () => {
    const { status, body } = await app.post({ query: 'query One($q: String!) { search(query: $q) { totalCount } }', variables: { q: `leadership ${hostileText(189)}` } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ search: { totalCount: 0 } });
  });
});

describe('user text reaches PostgreSQL as a bound parameter', () => {
  let app: TestApp;
  let locker: pg.Client;
  let observer: pg.Client;
  beforeAll(async () => {
    app = await startTestApp();
    const url = app.lekgotla.database.orm.config.get('clientUrl')!;
    locker = new pg.Client({ connectionString: url });
    observer = new pg.Client({ connectionString: url });
    await Promise.all([locker.connect(), observer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([locker?.end(), observer?.end()]);
    await app?.close();
  });

  /**
   * Holds a lock on `person` so the statement the request sends waits, and
   * reads the waiting statement's text as PostgreSQL received it.
   */
  async function statementTextOf(query: string, variables: Record<string, unknown>, marker: string): Promise<string> {
    await locker.query('begin');
    await locker.query('lock table person in access exclusive mode');
    const answer = app.post({ query, variables });
    try {
      for (let attempt = 0; attempt < 200; attempt++) {
        const waiting = await observer.query<{ query: string }>(
          // Any statement waiting for a lock is the request's: the text shown is cut at 1 kB, before a long search names the table.
          `select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (waiting.rows[0]) return waiting.rows[0].query;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no statement waited for the lock (looking for ${marker})`);
    } finally {
      await locker.query('rollback');
      expect((await answer).status).toBe(200);
    }
  }

  it('the search text is not copied into the search statement', async () => {
    const marker = "o'brien leadership";
    const text = await statementTextOf('query S($q: String!) { search(query: $q) { totalCount } }', { q: marker }, marker);
    expect(text).toContain('websearch_to_tsquery(\'lekgotla_english\', $1::text)');
    expect(text).not.toContain('brien');
  });

  it("a person name filter is not copied into the name-matching statement", async () => {
    const marker = 'Fraser-Moleketi';
    const text = await statementTextOf('query P($name: String!) { people(filter: { name: $name }) { totalCount } }', { name: marker }, marker);
    expect(text).toContain('unnest($1::text[])');
    expect(text.toLowerCase()).not.toContain('moleketi');
  });
});
