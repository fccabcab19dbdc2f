import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { ConfigError, parseConfig } from '../src/config.js';
import { Role } from '../src/entities/enums.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { createLogger } from '../src/logger.js';
import { startReplicatedPostgres, type ReplicatedPostgres } from './support/replication.js';

// Answered by the read floor's one compiled statement.
const TOPIC = 'query Topic { topic(slug: "internal-audit") { id name version } }';
// Answered by resolvers and loaders through the EntityManager (the read floor does not compile topicTimeline).
const TIMELINE = 'query Timeline { topicTimeline(topicSlugs: ["internal-audit"]) { year topic { name } } }';

type Topic = { id: string; name: string; version: number };

async function graphql<Data>(url: string, query: string, options: { key?: string; variables?: Record<string, unknown> } = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.key && { authorization: `Bearer ${options.key}` }) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(`GraphQL errors: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data!;
}

/** As a browser or CDN asks: a GET, which the response cache may answer. */
async function cachedTopicName(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql?query=${encodeURIComponent(TOPIC)}`, { headers: { 'apollo-require-preflight': 'true' } });
  return ((await response.json()) as { data: { topic: Topic } }).data.topic.name;
}

const topicName = async (url: string, key?: string) => (await graphql<{ topic: Topic }>(url, TOPIC, { key })).topic.name;
const timelineNames = async (url: string, key?: string) =>
  [...new Set((await graphql<{ topicTimeline: Array<{ topic: { name: string } }> }>(url, TIMELINE, { key })).topicTimeline.map((row) => row.topic.name))];
const exportedNames = async (url: string) => {
  const csv = await (await fetch(`${url}/export/topic-timeline.csv?topicSlugs=internal-audit`)).text();
  return [...new Set(csv.trim().split('\n').slice(1).map((line) => line.split(',')[1]))];
};

async function nameIn(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ name: string }>("select name from topic where slug = 'internal-audit'")).rows[0]!.name;
  } finally {
    await client.end();
  }
}

/** Asks until `read` gives `expected` (replication is asynchronous), failing after 15 s with the last answer. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + 15_000;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

describe('two Lekgotla instances over a primary and a streaming replica', () => {
  let cluster: ReplicatedPostgres;
  let a: RunningLekgotla;
  let b: RunningLekgotla;
  let key: string;
  let original: Topic;

  beforeAll(async () => {
    cluster = await startReplicatedPostgres();
    const shared = {
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaUrl,
      PORT: '0',
      LOG_LEVEL: 'silent',
      // Both instances file answers in one Redis under one data version, as behind a load balancer.
      RESPONSE_CACHE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `test-replicas-${randomBytes(6).toString('hex')}`,
    };
    // A migrates the primary and loads the seed corpus into it; B finds them there.
    a = await startLekgotla(parseConfig({ ...shared, LOAD_SEED_ON_START: 'true' }), createLogger('silent'));
    b = await startLekgotla(parseConfig({ ...shared, LOAD_SEED_ON_START: 'false' }), createLogger('silent'));
    key = await createApiKey(a.database.orm.em.fork(), 'replica-editor', Role.EDITOR);
    await cluster.caughtUp();
    original = (await graphql<{ topic: Topic }>(b.url, TOPIC)).topic;
  }, 180_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await cluster?.stop();
  });

  it('serves the seeded topic to anonymous readers of both instances from the replica', async () => {
    expect(original.name).toBe('Internal audit');
    expect(await cachedTopicName(a.url)).toBe('Internal audit');
    expect(await timelineNames(b.url)).toEqual(['Internal audit']);
  });

  describe('while the replica holds back what it receives', () => {
    let renamed: { name: string; version: number };
    beforeAll(async () => {
      await cluster.pauseReplay();
      renamed = (
        await graphql<{ updateTopic: { name: string; version: number } }>(
          a.url,
          'mutation Rename($id: ID!, $version: Int!) { updateTopic(id: $id, version: $version, input: { name: "Internal audit function" }) { name version } }',
          { key, variables: { id: original.id, version: original.version } },
        )
      ).updateTopic;
    });

    it('writes a key holder sends through instance A to the primary', async () => {
      expect(renamed).toEqual({ name: 'Internal audit function', version: original.version + 1 });
      expect(await nameIn(cluster.primaryUrl)).toBe('Internal audit function');
      expect(await nameIn(cluster.replicaUrl)).toBe('Internal audit');
    });

    it('gives the key holder who wrote the new name at once, through A and through B, compiled or resolved', async () => {
      expect(await topicName(a.url, key)).toBe('Internal audit function');
      expect(await topicName(b.url, key)).toBe('Internal audit function');
      expect(await timelineNames(b.url, key)).toEqual(['Internal audit function']);
    });

    it('answers anonymous readers from the replica: compiled reads, resolvers, cached GETs and exports all still give the old name', async () => {
      expect(await topicName(a.url)).toBe('Internal audit');
      expect(await topicName(b.url)).toBe('Internal audit');
      expect(await timelineNames(a.url)).toEqual(['Internal audit']);
      expect(await cachedTopicName(b.url)).toBe('Internal audit');
      expect(await cachedTopicName(b.url)).toBe('Internal audit');
      expect(await exportedNames(b.url)).toEqual(['Internal audit']);
    });
  });

  describe('once the replica replays again', () => {
    beforeAll(async () => {
      await cluster.resumeReplay();
    });

    it('gives anonymous readers of both instances the new name, cached answers included', async () => {
      expect(await eventually(() => cachedTopicName(b.url), 'Internal audit function')).toBe('Internal audit function');
      expect(await eventually(() => cachedTopicName(a.url), 'Internal audit function')).toBe('Internal audit function');
      expect(await topicName(a.url)).toBe('Internal audit function');
      expect(await timelineNames(b.url)).toEqual(['Internal audit function']);
      expect(await exportedNames(a.url)).toEqual(['Internal audit function']);
    });
  });

  it('reports both instances ready, the primary and the replica each a required dependency that answers', async () => {
    for (const url of [a.url, b.url]) {
      const response = await fetch(`${url}/readyz`);
      const body = (await response.json()) as { status: string; dependencies: Record<string, { status: string; required: boolean }> };
      expect(response.status).toBe(200);
      expect(body.status).toBe('ready');
      expect(body.dependencies.database).toMatchObject({ status: 'up', required: true });
      expect(body.dependencies['replica-1']).toMatchObject({ status: 'up', required: true });
    }
  });
});

describe('the replica setting', () => {
  it('lists replicas separated by commas, spaces around them ignored', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgresql://lekgotla@primary:5432/lekgotla',
      DATABASE_REPLICA_URLS: 'postgresql://lekgotla@replica-1:5432/lekgotla, postgresql://lekgotla@replica-2:5432/lekgotla',
    });
    expect(config.databaseReplicaUrls).toEqual(['postgresql://lekgotla@replica-1:5432/lekgotla', 'postgresql://lekgotla@replica-2:5432/lekgotla']);
    expect(parseConfig({}).databaseReplicaUrls).toEqual([]);
  });

  it('refuses replicas without the primary they replicate, and a replica that is not a URL, naming the setting', () => {
    expect(() => parseConfig({ DATABASE_REPLICA_URLS: 'postgresql://lekgotla@replica-1:5432/lekgotla' })).toThrow(
      new ConfigError('Invalid configuration: DATABASE_REPLICA_URLS needs DATABASE_URL, the primary they replicate'),
    );
    expect(() => parseConfig({ DATABASE_URL: 'postgresql://lekgotla@primary:5432/lekgotla', DATABASE_REPLICA_URLS: 'replica-1' })).toThrow(
      /^Invalid configuration: DATABASE_REPLICA_URLS\.0: /,
    );
  });
});
