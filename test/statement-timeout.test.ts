import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase } from '../src/db/database.js';
import { ormConfig } from '../src/db/orm.config.js';
import { createTestDatabase } from './support/databases.js';
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

describe('migrations on a grown corpus', () => {
  it('run to the end however long they wait, while STATEMENT_TIMEOUT_MS still bounds every other statement', async () => {
    const database = await createTestDatabase(inject('serverUrl'), { empty: true });
    const files = readdirSync(new URL('../migrations/', import.meta.url))
      .filter((file) => /^Migration\d+(_\w+)?\.ts$/.test(file))
      .sort();
    // Every migration but the last, as a server of the previous release left the database.
    const previous = await MikroORM.init(ormConfig({ clientUrl: database.url, statementTimeoutMs: 0 }));
    await previous.migrator.up({ to: files.at(-2)!.replace(/\.ts$/, '') });
    await previous.close(true);
    // The last migration reads people; another session holds them for longer than a statement may take.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table person in access exclusive mode');
    const released = new Promise((resolve) => setTimeout(resolve, 1500)).then(() => blocker.query('rollback'));
    try {
      const opened = await openDatabase(parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', STATEMENT_TIMEOUT_MS: '300' }), () => {});
      try {
        const connection = opened.orm.em.getConnection();
        const [row] = await connection.execute<Array<{ applied: number }>>('select count(*)::int as applied from mikro_orm_migrations');
        expect(row).toEqual({ applied: files.length });
        expect(await connection.execute('show statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
      } finally {
        await opened.close();
      }
    } finally {
      await released;
      await blocker.end();
      await database.drop();
    }
  });
});
