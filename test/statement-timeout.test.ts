import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { post } from './support/requests.js';

describe('a query that runs out of time', () => {
  let app: TestApp;
  let blocker: pg.Client;
  beforeAll(async () => {
    app = await startTestApp({ environment: { STATEMENT_TIMEOUT_MS: '300' } });
    blocker = new pg.Client({ connectionString: app.lekgotla.database.orm.config.get('clientUrl') });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker.end();
    await app.close();
  });

  it('is answered 503 with TIMEOUT and Retry-After, not as an internal error', async () => {
    // Another session holds the topic table: reading it waits until the statement timeout stops it.
    await blocker.query('begin');
    await blocker.query('lock table topic in access exclusive mode');
    try {
      const answer = await post(app.url, { query: '{ topic(slug: "internal-audit") { name } }' });
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body).toEqual({
        data: { topic: null },
        errors: [
          {
            message: 'The query took too long and was stopped; try again shortly, or ask for less',
            locations: [{ line: 1, column: 3 }],
            path: ['topic'],
            extensions: { code: 'TIMEOUT' },
          },
        ],
      });
    } finally {
      await blocker.query('rollback');
    }
  });

  it('does not touch the next answer, once the table is free', async () => {
    const answer = await post(app.url, { query: '{ topic(slug: "internal-audit") { name } }' });
    expect(answer).toEqual({ status: 200, retryAfter: null, body: { data: { topic: { name: 'Internal audit' } } } });
  });
});
