import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { parseConfig } from '../src/config.js';
import { Role } from '../src/entities/enums.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { createLogger } from '../src/logger.js';
import { eventually } from './support/eventually.js';
import { ownPostgres, type OwnPostgres } from './support/own-postgres.js';
import { expectAlive, readiness } from './support/readiness.js';
import { post, readTopic, renameTopic, type Topic } from './support/requests.js';

const UNAVAILABLE = { message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } };

describe('two servers on a PostgreSQL of their own that crashes and restarts', () => {
  let postgres: OwnPostgres;
  let first: RunningLekgotla;
  let second: RunningLekgotla;
  let editorKey: string;
  let cachedBeforeTheCrash: Topic;

  beforeAll(async () => {
    postgres = await ownPostgres();
    const environment = { DATABASE_URL: postgres.url, PORT: '0', LOG_LEVEL: 'silent', CACHE_MAX_AGE: '120' };
    // The first loads the seed corpus into the new database; the second finds it there.
    first = await startLekgotla(parseConfig(environment), createLogger('silent'));
    second = await startLekgotla(parseConfig({ ...environment, LOAD_SEED_ON_START: 'false' }), createLogger('silent'));
    editorKey = await createApiKey(second.database.orm.em.fork(), 'editor', Role.EDITOR);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await postgres?.remove();
  });

  it('says on /readyz, with a 503, that the database is down while it is, and stays alive on /healthz', async () => {
    cachedBeforeTheCrash = await readTopic(first.url);
    expect(cachedBeforeTheCrash.name).toBe('Internal audit');
    await postgres.kill();
    expect(await readiness(first.url)).toEqual({
      httpStatus: 503,
      status: 'unavailable',
      dependencies: { database: 'down', notifications: 'down' },
    });
    await expectAlive(first.url);
  });

  it('answers every GraphQL request with 503, DATABASE_UNAVAILABLE and Retry-After while the database is down', async () => {
    // An answer never asked before, so that no cached one can stand in.
    const anonymous = await post(first.url, { query: '{ topic(slug: "never-asked-before") { name } }' });
    expect(anonymous.body).toEqual({ data: { topic: null }, errors: [{ ...UNAVAILABLE, locations: [{ line: 1, column: 3 }], path: ['topic'] }] });
    // A key is checked against the database before anything runs.
    const keyed = await post(first.url, { query: '{ topics { totalCount } }' }, { authorization: `Bearer ${editorKey}` });
    expect(keyed.body).toEqual({ errors: [UNAVAILABLE] });
    for (const answer of [anonymous, keyed]) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
    }
  });

  it('answers an export with 503, DATABASE_UNAVAILABLE and Retry-After while the database is down', async () => {
    const response = await fetch(`${first.url}/export/conferences.csv`, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; try again shortly' } });
  });

  it('is ready again, every dependency up, once PostgreSQL is back', async () => {
    await postgres.start();
    for (const server of [first, second]) {
      await eventually(async () => {
        expect(await readiness(server.url)).toEqual({ httpStatus: 200, status: 'ready', dependencies: { database: 'up', notifications: 'up' } });
      }, 30_000);
    }
  });

  it('a change made through the other server after the restart is seen, not an answer cached before it', async () => {
    expect(await renameTopic(second.url, editorKey, cachedBeforeTheCrash, 'Internal audit after a restart')).toBe('Internal audit after a restart');
    await eventually(async () => {
      expect((await readTopic(first.url)).name).toBe('Internal audit after a restart');
    }, 5_000);
  });
});
