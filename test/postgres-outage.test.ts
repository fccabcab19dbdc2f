import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { parseConfig } from '../src/config.js';
import { Role } from '../src/entities/enums.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { createLogger } from '../src/logger.js';
import { eventually } from './support/eventually.js';
import { lightLoad, type LightLoad } from './support/light-load.js';
import { ownPostgres, type OwnPostgres } from './support/own-postgres.js';
import { expectAlive, readiness } from './support/readiness.js';
import { post, readTopic, renameTopic, type Topic } from './support/requests.js';

const UNAVAILABLE = { message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } };
/** The one answer other than a correct one that a client may get while the database is away. */
const ANSWERED_UNAVAILABLE = '503 DATABASE_UNAVAILABLE retry-after=5';

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * One scenario, its steps in order: two servers share a PostgreSQL of their
 * own, which is killed (an immediate shutdown, as in a crash) while a few
 * clients keep asking the first server, and then started again.
 */
describe('two servers on a PostgreSQL that crashes under light load and restarts', () => {
  let postgres: OwnPostgres;
  let first: RunningLekgotla;
  let second: RunningLekgotla;
  let editorKey: string;
  let cachedBeforeTheCrash: Topic;
  let load: LightLoad;
  let killedAt: number;
  let startedAt: number;
  let restartedAt: number;
  let readyAt: number;

  beforeAll(async () => {
    postgres = await ownPostgres();
    const environment = { DATABASE_URL: postgres.url, PORT: '0', LOG_LEVEL: 'silent', CACHE_MAX_AGE: '120' };
    // The first loads the seed corpus into the new database; the second finds it there.
    first = await startLekgotla(parseConfig(environment), createLogger('silent'));
    second = await startLekgotla(parseConfig({ ...environment, LOAD_SEED_ON_START: 'false' }), createLogger('silent'));
    editorKey = await createApiKey(second.database.orm.em.fork(), 'editor', Role.EDITOR);
    load = lightLoad(first.url, [
      // Cacheable: may be answered from the cache while the database is away.
      { query: () => '{ conference(seriesSlug: "sms", year: 2007) { title } }', expected: { conference: { title: 'Senior Management Service Conference 2007' } } },
      // Never asked twice, so always a question for the database.
      { query: () => `{ people(filter: { name: "Absent ${randomBytes(6).toString('hex')}" }) { totalCount } }`, expected: { people: { totalCount: 0 } } },
      // A key holder's: the key is checked in the database, and the answer is never cached.
      { query: () => '{ topics { totalCount } }', headers: { authorization: `Bearer ${editorKey}` }, expected: { topics: { totalCount: 23 } } },
    ]);
  }, 120_000);
  afterAll(async () => {
    await load?.stop();
    await second?.close();
    await first?.close();
    await postgres?.remove();
  });

  it('says on /readyz, with a 503, that the database is down while it is, and stays alive on /healthz', async () => {
    cachedBeforeTheCrash = await readTopic(first.url);
    expect(cachedBeforeTheCrash.name).toBe('Internal audit');
    await pause(500);
    load.phase('outage');
    killedAt = Date.now();
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
    expect(await response.json()).toEqual({ errors: [{ message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
  });

  it('is ready again, every dependency up, once PostgreSQL is back', async () => {
    // An outage of a few seconds, long enough for the reconnecting connections to back off.
    await pause(Math.max(0, killedAt + 3000 - Date.now()));
    load.phase('recovery');
    startedAt = Date.now();
    await postgres.start();
    restartedAt = Date.now();
    for (const server of [first, second]) {
      await eventually(async () => {
        expect(await readiness(server.url)).toEqual({ httpStatus: 200, status: 'ready', dependencies: { database: 'up', notifications: 'up' } });
      }, 30_000);
    }
    readyAt = Date.now();
    load.phase('after');
  });

  it('a change made through the other server after the restart is seen, not an answer cached before it', async () => {
    expect(await renameTopic(second.url, editorKey, cachedBeforeTheCrash, 'Internal audit after a restart')).toBe('Internal audit after a restart');
    await eventually(async () => {
      expect((await readTopic(first.url)).name).toBe('Internal audit after a restart');
    }, 5_000);
  });

  it('answered every request under load correctly or with 503 and Retry-After, none later than the deadline, and all correctly once ready', async () => {
    await pause(1000);
    const { phases, slowestMs } = await load.stop();
    expect(Object.keys(phases.before)).toEqual(['correct']);
    expect(Object.keys(phases.outage)).toContain(ANSWERED_UNAVAILABLE);
    for (const during of [phases.outage, phases.recovery]) {
      expect(Object.keys(during).filter((outcome) => outcome !== 'correct' && outcome !== ANSWERED_UNAVAILABLE)).toEqual([]);
    }
    expect(Object.keys(phases.after)).toEqual(['correct']);
    const lastIncorrect = load.lastIncorrectAt()!;
    expect(lastIncorrect).toBeLessThan(readyAt);
    // The figures docs/reliability.md reports.
    console.info(
      `[fault figures] PostgreSQL killed; started again ${startedAt - killedAt} ms later, accepting connections after ${restartedAt - startedAt} ms more (crash recovery); ` +
        `first correct answer of each request ${load.firstCorrectSince(restartedAt).map((at) => `${at! - restartedAt} ms`).join(', ')} after it accepted connections; ` +
        `last answer that was not correct ${lastIncorrect - restartedAt} ms after that; /readyz ready on both servers ${readyAt - restartedAt} ms after it; ` +
        `slowest answer by phase ${JSON.stringify(slowestMs)} ms; answers by phase ${JSON.stringify(phases)}`,
    );
  });
});
