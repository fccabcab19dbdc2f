import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { startTestApp, type TestApp } from './support/app.js';

const TOPICS = { query: '{ topics(first: 1) { totalCount } }' };

async function ask(app: TestApp, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(TOPICS),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as unknown };
}

describe('requests a minute per client', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => app?.close());

  it('answers the fourth request of a minute from one address with 429 RATE_LIMITED and Retry-After', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await ask(app)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await ask(app);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      errors: [
        {
          message: "More than 3 requests a minute from one client; retry after the time Retry-After gives",
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
  });

  it('counts a key holder apart from the address it calls from', async () => {
    const key = await createApiKey(app.lekgotla.database.orm.em.fork(), 'limits-editor', Role.EDITOR);
    expect((await ask(app)).status).toBe(429);
    expect((await ask(app, { authorization: `Bearer ${key}` })).status).toBe(200);
  });

  it('leaves the health endpoints alone', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

describe('requests a minute per client, behind a load balancer', () => {
  let behind: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    [behind, direct] = await Promise.all([
      startTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' } }),
      startTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '3' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([behind?.close(), direct?.close()]);
  });

  it('counts each client the balancer names in X-Forwarded-For apart, with TRUST_PROXY=1', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const first = [];
    for (let attempt = 0; attempt < 4; attempt++) first.push((await ask(behind, from('203.0.113.7'))).status);
    expect(first).toEqual([200, 200, 200, 429]);
    expect((await ask(behind, from('198.51.100.23'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, so a client cannot name itself anew to escape its limit', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await ask(direct, { 'x-forwarded-for': `192.0.2.${attempt + 1}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('requests in progress per client', () => {
  let app: TestApp;
  let locker: pg.Client;
  beforeAll(async () => {
    app = await startTestApp({ environment: { MAX_CONCURRENT_PER_CLIENT: '2' } });
    locker = new pg.Client({ connectionString: app.lekgotla.database.orm.config.get('clientUrl')! });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await app?.close();
  });

  it('refuses a third request while two of the same client wait, with 429 and Retry-After; serves it once they are done', async () => {
    // Two requests wait on a lock the test holds on the table they read: once the first waits in PostgreSQL,
    // both have long passed the cap, which counts a request as it arrives.
    await locker.query('begin');
    await locker.query('lock table topic in access exclusive mode');
    const waiting = [ask(app), ask(app)];
    try {
      for (let attempt = 0; attempt < 400; attempt++) {
        const blocked = await locker.query<{ count: number }>(
          `select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (blocked.rows[0]!.count >= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const refused = await ask(app);
      expect(refused.status).toBe(429);
      expect(refused.retryAfter).toBe('1');
      expect(refused.body).toEqual({
        errors: [
          {
            message: 'At most 2 requests of one client may be in progress at once; retry when one has finished',
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
    } finally {
      await locker.query('rollback');
    }
    expect((await Promise.all(waiting)).map((answer) => answer.status)).toEqual([200, 200]);
    expect((await ask(app)).status).toBe(200);
  });
});

async function untilCountingInRedis(app: TestApp) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = (await (await fetch(`${app.url}/readyz`)).json()) as { dependencies: Record<string, { status: string }> };
    if (ready.dependencies.rateLimits?.status === 'up') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the rate limiter never connected to Redis');
}

describe('two servers sharing their counts in Redis', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const shared = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}`, RATE_LIMIT_PER_MINUTE: '3' };
    [first, second] = await Promise.all([startTestApp({ environment: shared }), startTestApp({ environment: shared })]);
    // Counts are shared once each server's limiter has its Redis scripts loaded; /readyz says when.
    for (const app of [first, second]) await untilCountingInRedis(app);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('counts a client once across both: the fourth request, on either, is refused', async () => {
    const statuses = [(await ask(first)).status, (await ask(second)).status, (await ask(first)).status, (await ask(second)).status];
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('a server whose Redis for the counts is unreachable', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1: every count fails at once, as while Redis is down.
    app = await startTestApp({ environment: { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => app?.close());

  it('serves without counting rather than keeping requests waiting', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await ask(app)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
