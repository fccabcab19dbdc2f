import { createClient, type RedisClientType } from '@keyv/redis';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { startTestApp, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';
import { lightLoad, type LightLoad } from './support/light-load.js';
import { ownRedis, type OwnRedis } from './support/own-redis.js';
import { expectAlive, readiness } from './support/readiness.js';
import { read, readTopic, renameTopic } from './support/requests.js';

const TOPIC_COUNT = '{ topics { totalCount } }';

/**
 * One scenario, its steps in order: a server set to share its answers
 * through a Redis of the test's own starts before that Redis does; the
 * Redis is then started, killed, started again and hung, while a few clients
 * keep asking.
 */
describe('a server sharing its answers through a Redis that comes and goes, under light load', () => {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  let redis: OwnRedis;
  let app: TestApp;
  let inspector: RedisClientType | undefined;
  let editorKey: string;
  let load: LightLoad;
  const recoveries: string[] = [];

  /** Waits until /readyz says Redis is up again, and notes how long that took. */
  const recovered = async (what: string, since: number) => {
    await eventually(async () => expect(await readiness(app.url)).toEqual(ready), 20_000);
    recoveries.push(`${what}: ${Date.now() - since} ms`);
  };

  /** Keys the server's response cache holds in Redis: proof that it shares answers there. */
  const sharedAnswers = async () => {
    if (!inspector) {
      inspector = createClient({ url: redis.url, socket: { reconnectStrategy: 100 } });
      // The test takes Redis away on purpose; the inspector just reconnects.
      inspector.on('error', () => {});
    }
    if (!inspector.isOpen) await inspector.connect();
    return inspector.keys(`${prefix}::*`);
  };
  const waitUntilShared = () =>
    eventually(async () => {
      await readTopic(app.url);
      expect((await sharedAnswers()).length).toBeGreaterThan(0);
    }, 20_000);

  beforeAll(async () => {
    redis = await ownRedis();
    // Redis is not running yet: the server must start all the same.
    app = await startTestApp({ environment: { RESPONSE_CACHE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: prefix, CACHE_MAX_AGE: '120' } });
    editorKey = await createApiKey(app.lekgotla.database.orm.em.fork(), `editor-${prefix}`, Role.EDITOR);
    load = lightLoad(app.url, [
      { query: () => '{ conference(seriesSlug: "sms", year: 2007) { title } }', expected: { conference: { title: 'Senior Management Service Conference 2007' } } },
      { query: () => `{ people(filter: { name: "Absent ${randomBytes(6).toString('hex')}" }) { totalCount } }`, expected: { people: { totalCount: 0 } } },
      { query: () => '{ topics { totalCount } }', headers: { authorization: `Bearer ${editorKey}` }, expected: { topics: { totalCount: 23 } } },
    ], { phase: 'Redis not started' });
  });
  afterAll(async () => {
    await load?.stop();
    inspector?.destroy();
    await app?.close();
    await redis?.kill();
  });

  const degraded = { httpStatus: 200, status: 'degraded', dependencies: { database: 'up', redis: 'down', notifications: 'up' } };
  const ready = { httpStatus: 200, status: 'ready', dependencies: { database: 'up', redis: 'up', notifications: 'up' } };

  it('starts, listens and answers while Redis is not there, and says so on /readyz without leaving the pool', async () => {
    expect((await readTopic(app.url)).name).toBe('Internal audit');
    expect(await readiness(app.url)).toEqual(degraded);
  });

  it('picks up a Redis started after it and shares its answers there', async () => {
    await redis.start();
    const started = Date.now();
    load.phase('Redis up');
    await recovered('Redis started after the server → in use', started);
    await waitUntilShared();
    await load.answered();
  });

  it('answers every request in time, and correctly, while Redis is killed', async () => {
    load.phase('Redis killed');
    await redis.kill();
    for (let request = 0; request < 5; request += 1) expect((await readTopic(app.url)).name).toBe('Internal audit');
    expect(await readiness(app.url)).toEqual(degraded);
    await expectAlive(app.url);
  });

  it('answers in time while Redis hangs, and shares answers again once it answers', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await redis.start();
    const restarted = Date.now();
    load.phase('Redis restarted');
    await recovered('Redis killed, then started again → in use', restarted);
    await waitUntilShared();
    await load.answered();
    load.phase('Redis hung');
    redis.pause();
    try {
      for (let request = 0; request < 3; request += 1) expect((await readTopic(app.url)).name).toBe('Internal audit');
      expect(await readiness(app.url)).toEqual(degraded);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      redis.resume();
    }
    const resumed = Date.now();
    load.phase('Redis answering again');
    await recovered('Redis hung, then answering again → in use', resumed);
    await waitUntilShared();
    await load.answered();
  });

  it('never serves an answer Redis cached before a change made while Redis was not answering', async () => {
    const before = await readTopic(app.url);
    expect(before.name).toBe('Internal audit');
    expect(await sharedAnswers()).not.toHaveLength(0);
    load.phase('Redis hung during a change');
    redis.pause();
    try {
      expect(await renameTopic(app.url, editorKey, before, 'Internal audit (renamed during an outage)')).toBe('Internal audit (renamed during an outage)');
      expect((await readTopic(app.url)).name).toBe('Internal audit (renamed during an outage)');
    } finally {
      redis.resume();
    }
    load.phase('Redis answering after the change');
    // The answer cached before the change is still in Redis. Once the server shares answers there again (a
    // new one appears), that old answer must not be served.
    const answersBefore = (await sharedAnswers()).length;
    await eventually(async () => {
      expect(await read(app.url, TOPIC_COUNT)).toEqual({ topics: { totalCount: 23 } });
      expect((await sharedAnswers()).length).toBeGreaterThan(answersBefore);
    }, 20_000);
    expect((await readTopic(app.url)).name).toBe('Internal audit (renamed during an outage)');
  });

  it('answered every request under load correctly, none later than the deadline, whatever Redis did', async () => {
    const { phases, slowestMs } = await load.stop();
    expect(Object.keys(phases)).toEqual([
      'Redis not started',
      'Redis up',
      'Redis killed',
      'Redis restarted',
      'Redis hung',
      'Redis answering again',
      'Redis hung during a change',
      'Redis answering after the change',
    ]);
    for (const tally of Object.values(phases)) expect(Object.keys(tally)).toEqual(['correct']);
    // The figures docs/reliability.md reports.
    console.info(`[fault figures] ${recoveries.join('; ')}; slowest answer by phase ${JSON.stringify(slowestMs)} ms; answers by phase ${JSON.stringify(phases)}`);
  });
});
