import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { parseConfig } from '../src/config.js';
import { Role } from '../src/entities/enums.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { openDatabase } from '../src/db/database.js';
import { importCorpus } from '../src/ingest/import-corpus.js';
import { checksumOf, parseCorpusFile } from '../src/ingest/read-corpus.js';
import { createLogger } from '../src/logger.js';
import { startTestApp, type TestApp } from './support/app.js';

const TOPIC_NAME = 'query TopicName { topic(slug: "internal-audit") { id name version } }';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function persistedGet(url: string, hash: string, variables: Record<string, unknown> = {}) {
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  const query = `extensions=${extensions}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  return fetch(`${url}/graphql?${query}`, { headers: { 'apollo-require-preflight': 'true' } });
}

function queryGet(url: string, query: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
}

async function editorKey(app: { lekgotla: RunningLekgotla }) {
  return createApiKey(app.lekgotla.database.orm.em.fork(), `editor-${randomBytes(4).toString('hex')}`, Role.EDITOR);
}

async function renameTopic(url: string, key: string, id: string, version: number, name: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: 'mutation Rename($id: ID!, $version: Int!, $name: String!) { updateTopic(id: $id, version: $version, input: { name: $name }) { name version } }',
      variables: { id, version, name },
    }),
  });
  return (await response.json()) as { data?: { updateTopic: { name: string; version: number } }; errors?: unknown[] };
}

describe('queries over GET with HTTP caching', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { CACHE_MAX_AGE: '120' } });
  });
  afterAll(() => app.close());

  it('answers a GET query with a public Cache-Control and an ETag, and 304 when unchanged', async () => {
    const first = await queryGet(app.url, TOPIC_NAME);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('max-age=120, public');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    // As a browser revalidates. (Without a Cache-Control of its own, fetch would add "no-cache", which forbids a 304.)
    const again = await queryGet(app.url, TOPIC_NAME, { 'if-none-match': etag!, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
  });

  it('refuses a GET without a preflighted header, as CSRF prevention requires', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent(TOPIC_NAME)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This operation has been blocked as a potential Cross-Site Request Forgery');
  });

  it('never runs a mutation sent as GET', async () => {
    const response = await queryGet(app.url, 'mutation { deleteTopic(id: "VG9waWM6MQ==", version: 1) { id } }');
    expect(response.status).toBe(405);
  });

  it('marks answers for key holders private', async () => {
    const key = await editorKey(app);
    const response = await queryGet(app.url, TOPIC_NAME, { authorization: `Bearer ${key}` });
    expect(response.headers.get('cache-control')).toBe('max-age=120, private');
  });

  it('never serves a cached answer older than the last write', async () => {
    const before = (await (await queryGet(app.url, TOPIC_NAME)).json()) as { data: { topic: { id: string; name: string; version: number } } };
    expect(before.data.topic.name).toBe('Internal audit');
    const renamed = await renameTopic(app.url, await editorKey(app), before.data.topic.id, before.data.topic.version, 'Internal auditing');
    expect(renamed.data?.updateTopic.name).toBe('Internal auditing');
    const after = (await (await queryGet(app.url, TOPIC_NAME)).json()) as { data: { topic: { name: string } } };
    expect(after.data.topic.name).toBe('Internal auditing');
  });
});

describe('the response cache', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app.close());

  it('serves a repeated anonymous query from the response cache, without the database', async () => {
    const query = '{ conference(seriesSlug: "sms", year: 2007) { title expectedAttendance } }';
    const first = (await (await queryGet(app.url, query)).json()) as { extensions: { sqlStatements: number } };
    const second = (await (await queryGet(app.url, query)).json()) as { data: unknown; extensions: { sqlStatements: number } };
    expect(first.extensions.sqlStatements).toBe(1);
    expect(second).toEqual({
      data: { conference: { title: 'Senior Management Service Conference 2007', expectedAttendance: 400 } },
      extensions: { sqlStatements: 0 },
    });
  });

  it('serves a repeated search from the response cache: two statements the first time, none the second', async () => {
    const query = '{ search(query: "management") { totalCount } }';
    const first = (await (await queryGet(app.url, query)).json()) as { extensions: { sqlStatements: number } };
    const second = (await (await queryGet(app.url, query)).json()) as { data: unknown; extensions: { sqlStatements: number } };
    // One statement finds that "management" needs no correction nor widening and reads which way to rank it; the read
    // floor's one statement answers (the resolvers would then load the records hit, one batch for each kind).
    expect(first.extensions.sqlStatements).toBe(2);
    expect(second).toEqual({ data: { search: { totalCount: 16 } }, extensions: { sqlStatements: 0 } });
  });

  it('answers a search through the read floor from the data as it is after a write, its plan read again', async () => {
    const query = '{ search(query: "quokka") { totalCount nodes { node { ... on Session { title } } } } }';
    type Answer = { data: unknown; extensions: { sqlStatements: number } };
    // "quokka" is no word of the corpus: the statement that looks for words needing help finds it, the plan of the query follows.
    expect((await (await queryGet(app.url, query)).json()) as Answer).toEqual({ data: { search: { totalCount: 0, nodes: [] } }, extensions: { sqlStatements: 3 } });
    const topic = (await (await queryGet(app.url, '{ topic(slug: "women-in-leadership") { id version } }')).json()) as { data: { topic: { id: string; version: number } } };
    const renamed = await renameTopic(app.url, await editorKey(app), topic.data.topic.id, topic.data.topic.version, 'Women in leadership quokka');
    expect(renamed.data?.updateTopic.name).toBe('Women in leadership quokka');
    // The session of the topic is found by it now: the word needs no help, so its plan comes with that statement.
    expect((await (await queryGet(app.url, query)).json()) as Answer).toEqual({
      data: { search: { totalCount: 1, nodes: [{ node: { title: "Women in Leadership - SMS Women's Forum" } }] } },
      extensions: { sqlStatements: 2 },
    });
  });

});

describe('automatic persisted queries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('asks for the document of an unknown hash, then answers by hash alone', async () => {
    const query = 'query SeriesNames { conferenceSeries { slug name } }';
    const hash = sha256(query);
    const unknown = (await (await persistedGet(app.url, hash)).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(unknown.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect(register.status).toBe(200);
    expect(await (await persistedGet(app.url, hash)).json()).toEqual({
      data: { conferenceSeries: [{ slug: 'sms', name: 'Senior Management Service Conference' }] },
    });
  });
});

describe('a portal-facing server that runs only trusted documents for anonymous callers', () => {
  const trusted = 'query TrustedTopic { topic(slug: "risk-management") { name } }';
  let app: TestApp;
  beforeAll(async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-trusted-'));
    const manifest = path.join(folder, 'persisted-documents.json');
    await writeFile(manifest, JSON.stringify({ [sha256(trusted)]: trusted }));
    app = await startTestApp({ environment: { TRUSTED_DOCUMENTS: 'anonymous', TRUSTED_DOCUMENTS_FILE: manifest } });
  });
  afterAll(() => app.close());

  it('runs a listed operation sent by hash alone, with no registration', async () => {
    expect(await (await persistedGet(app.url, sha256(trusted))).json()).toEqual({ data: { topic: { name: 'Risk management' } } });
  });

  it('runs a listed operation sent in full', async () => {
    const { status, body } = await app.post({ query: trusted });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { topic: { name: 'Risk management' } } });
  });

  it('refuses an anonymous operation that is not listed', async () => {
    const { status, body } = await app.post({ query: '{ topic(slug: "risk-management") { name slug } }' });
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it('answers a hash sent as an array, not a string, with 400 BAD_REQUEST', async () => {
    const { status, body } = await app.post({ extensions: { persistedQuery: { version: 1, sha256Hash: [sha256(trusted)] } } });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ message: 'extensions.persistedQuery.sha256Hash must be the hex digest of the document, as a string', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('suggests no field names to anonymous callers, though introspection is on for key holders', async () => {
    const { status, body } = await app.post({ query: '{ topic(slug: "risk-management") { nam } }' });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message)).toEqual(['Cannot query field "nam" on type "Topic". [Suggestion hidden]?']);
  });

  it('still suggests field names to a key holder', async () => {
    const key = await createApiKey(app.lekgotla.database.orm.em.fork(), 'suggestions-editor', Role.EDITOR);
    const { status, body } = await app.post({ query: '{ topic(slug: "risk-management") { nam } }' }, { authorization: `Bearer ${key}` });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message)).toEqual(['Cannot query field "nam" on type "Topic". Did you mean "name"?']);
  });

  it('lets a key holder run any query', async () => {
    const key = await editorKey(app);
    const { status, body } = await app.post({ query: '{ topic(slug: "risk-management") { slug } }' }, { authorization: `Bearer ${key}` });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { topic: { slug: 'risk-management' } } });
  });
});

describe('cross-origin calls from intranet portals', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { CORS_ORIGINS: 'http://portal.example:8080, http://intranet.example' } });
  });
  afterAll(() => app.close());

  it('answers a listed origin’s preflight, allowing credentials and the preflight header', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://portal.example:8080',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'apollo-require-preflight',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://portal.example:8080');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,Authorization,Apollo-Require-Preflight,X-Apollo-Operation-Name',
    );
  });

  it('gives an unlisted origin no CORS headers at all', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent(TOPIC_NAME)}`, {
      headers: { origin: 'http://evil.example', 'apollo-require-preflight': 'true' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('two servers sharing a response cache in Redis', () => {
  let first: TestApp;
  let second: RunningLekgotla;
  beforeAll(async () => {
    const shared = { RESPONSE_CACHE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}` };
    first = await startTestApp({ environment: shared });
    const config = parseConfig({
      ...shared,
      DATABASE_URL: first.lekgotla.database.orm.config.get('clientUrl'),
      PORT: '0',
      LOG_LEVEL: 'silent',
      LOAD_SEED_ON_START: 'false',
    });
    second = await startLekgotla(config, createLogger('silent'));
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('never serves from one server what a write through the other made stale', async () => {
    const read = async (url: string) => ((await (await queryGet(url, TOPIC_NAME)).json()) as { data: { topic: { id: string; name: string; version: number } } }).data.topic;
    const original = await read(second.url);
    expect(original.name).toBe('Internal audit');
    expect((await read(first.url)).name).toBe('Internal audit');
    const renamed = await renameTopic(first.url, await editorKey(first), original.id, original.version, 'Internal audit function');
    expect(renamed.data?.updateTopic.name).toBe('Internal audit function');
    expect((await read(second.url)).name).toBe('Internal audit function');
  });
});

describe('the trusted-documents manifest codegen writes for the portal client', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      environment: { TRUSTED_DOCUMENTS: 'anonymous', TRUSTED_DOCUMENTS_FILE: './client/generated/persisted-documents.json' },
    });
  });
  afterAll(() => app.close());

  it('is accepted as written, "sha256:" prefixes and all: the portal programme query runs by hash alone', async () => {
    const manifest = JSON.parse(await readFile('./client/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
    const [hash] = Object.entries(manifest).find(([, document]) => document.includes('query ConferenceProgramme('))!;
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const response = await persistedGet(app.url, hash.slice('sha256:'.length), { series: 'sms', year: 2007 });
    const body = (await response.json()) as { data: { conference: { title: string } } };
    expect(response.status).toBe(200);
    expect(body.data.conference.title).toBe('Senior Management Service Conference 2007');
  });

  it('answers a hash that does not match its document with a client error, not a server error', async () => {
    const { status, body } = await app.post({
      query: '{ topics { totalCount } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('a cached answer after an import from the command line', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is dropped once the import commits, since every writer announces its changes', async () => {
    const query = '{ conference(seriesSlug: "sms", year: 2004) { documentation venue { name } } }';
    const read = async () => ((await (await queryGet(app.url, query)).json()) as { data: { conference: unknown } }).data.conference;
    expect(await read()).toEqual({ documentation: 'REFERENCED', venue: null });
    // Another process, as `kb import` is: its own ORM on the same database.
    const cli = await openDatabase(parseConfig({ DATABASE_URL: app.lekgotla.database.orm.config.get('clientUrl'), LOG_LEVEL: 'silent' }), () => {});
    try {
      const text = 'Senior Management Service Conference 2004\nVenue: Gallagher Estate, Midrand\n';
      const yaml = [
        'sources:',
        '  - { key: sms-2004-page, title: SMS Conference 2004, kind: EVENT_PAGE, file: sms-2004.txt }',
        'conferences:',
        '  - series: sms',
        '    year: 2004',
        '    title: Senior Management Service Conference 2004',
        '    venue: { name: Gallagher Estate, city: Midrand }',
        '    documentation: DOCUMENTED',
        '    cite: [{ source: sms-2004-page, excerpt: "Venue: Gallagher Estate, Midrand" }]',
        'series:',
        '  - { slug: sms, name: Senior Management Service Conference }',
      ].join('\n');
      const corpus = { parts: [parseCorpusFile('sms-2004.yaml', yaml)], texts: new Map([['sms-2004-page', { text, checksum: checksumOf(text) }]]) };
      const report = await importCorpus(cli.orm.em.fork(), corpus, { actor: 'command-line:test' });
      expect(report.changed).toBe(true);
    } finally {
      await cli.close();
    }
    // The notification arrives asynchronously after the commit; wait for it a little.
    const deadline = Date.now() + 2000;
    let answer = await read();
    while (JSON.stringify(answer) !== JSON.stringify({ documentation: 'DOCUMENTED', venue: { name: 'Gallagher Estate' } }) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await read();
    }
    expect(answer).toEqual({ documentation: 'DOCUMENTED', venue: { name: 'Gallagher Estate' } });
  });
});
