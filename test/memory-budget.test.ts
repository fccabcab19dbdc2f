import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';
import { createMemoryCaches } from '../src/server/memory-budget.js';
import { startTestApp, type TestApp } from './support/app.js';
import { buildDist } from './support/compiled-cli.js';

const MB = 1024 * 1024;

/** Distinct texts (only the alias differs), each an ordinary read answered with about 14 KB. */
const distinctQuery = (index: number) => `query Ordinary${index} { s${index}: sources { nodes { id title text } } }`;

describe('the in-process caches under thousands of distinct queries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { CACHE_SIZE_MB: '1', DOCUMENT_CACHE_SIZE_MB: '1' } });
  });
  afterAll(() => app?.close());

  it('counts a cached answer by the bytes it holds on the heap, not by its characters', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: distinctQuery(0) }),
    });
    const body = await response.text();
    expect(response.status).toBe(200);
    // The sources hold "–" and "’", so the answer is a two-byte string: two bytes per character.
    expect(body).toMatch(/[^\u0000-\u00ff]/);
    const { entries, bytes } = app.lekgotla.caches.answers.usage();
    expect(entries).toBe(1);
    expect(bytes).toBeGreaterThanOrEqual(2 * body.length);
  });

  it('2,000 distinct queries leave both caches within their budgets, evicting the oldest', async () => {
    let next = 1;
    const statuses = new Map<number, number>();
    const client = async () => {
      while (next <= 2000) {
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: distinctQuery(next++) }),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    expect(Object.fromEntries(statuses)).toEqual({ 200: 2000 });

    const answers = app.lekgotla.caches.answers.usage();
    expect(answers.bytes).toBeLessThanOrEqual(1 * MB);
    // Full, not emptied: a 1 MB budget holds about 37 answers of 28 KB.
    expect(answers.bytes).toBeGreaterThan(0.9 * MB);
    expect(answers.entries).toBeGreaterThan(30);
    expect(answers.entries).toBeLessThan(40);

    const documents = app.lekgotla.caches.documents.usage();
    expect(documents.bytes).toBeLessThanOrEqual(1 * MB);
    expect(documents.bytes).toBeGreaterThan(0.9 * MB);
    expect(documents.entries).toBeLessThan(200);

    const { status, body } = await app.post({ query: '{ topic(slug: "internal-audit") { name } }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ topic: { name: 'Internal audit' } });
  }, 120_000);
});

describe('the cache budgets against the heap', () => {
  it('the default budgets take at most a quarter of the 184 MB heap that scripts/server-node-flags gives', () => {
    const config = parseConfig({});
    expect([config.cacheSizeMb, config.documentCacheSizeMb]).toEqual([24, 8]);
    const caches = createMemoryCaches(config, 184 * MB);
    expect([caches.answers.budgetBytes, caches.documents.budgetBytes]).toEqual([24 * MB, 8 * MB]);
  });

  it('refuses to start with caches that would fill more than a quarter of the heap', () => {
    const config = parseConfig({ CACHE_SIZE_MB: '64' });
    expect(() => createMemoryCaches(config, 184 * MB)).toThrow(ConfigError);
    expect(() => createMemoryCaches(config, 184 * MB)).toThrow(
      "Invalid configuration: CACHE_SIZE_MB (64) and DOCUMENT_CACHE_SIZE_MB (8) would fill more than a quarter of this process's 184 MB heap; lower them or raise --max-old-space-size",
    );
  });
});

/**
 * Run in a fresh Node on the compiled server: imports what `npm start` imports
 * and builds the schema, then reports the live heap after a full collection,
 * whether undici was loaded and the packages whose modules were loaded.
 */
const startupImports = `
import { registerHooks } from 'node:module';
const packages = new Set();
registerHooks({
  load(url, context, nextLoad) {
    const match = url.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//);
    if (match) packages.add(match[1]);
    return nextLoad(url, context);
  },
});
await import('./dist/src/lekgotla.js');
const { createSchema } = await import('./dist/src/schema/build-schema.js');
await createSchema();
globalThis.gc();
console.log(JSON.stringify({ heapMb: process.memoryUsage().heapUsed / 1048576, undici: process.moduleLoadList.some((name) => name.includes('undici')), packages: [...packages] }));
`;

describe('what the server holds once started', () => {
  let started: { heapMb: number; undici: boolean; packages: string[] };
  beforeAll(async () => {
    await buildDist();
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--input-type=module', '-e', startupImports], { cwd: path.resolve(import.meta.dirname, '..') });
    started = JSON.parse(stdout);
  }, 120_000);

  it('leaves out what only editors, exports and Redis deployments use, until they are used', () => {
    // compromise and chrono-node (the extractor, 15 MB of heap), the Redis client (3 MB) and the export renderers load at first use.
    for (const name of ['compromise', 'chrono-node', '@redis/client', '@keyv/redis', 'ical-generator', 'csv-stringify']) expect(started.packages).not.toContain(name);
    // An ES import of node:http loads undici through the module's lazy WebSocket export (2.3 MB).
    expect(started.undici).toBe(false);
    // What the read path needs is there.
    for (const name of ['graphql', '@apollo/server', '@mikro-orm/postgresql', 'pg']) expect(started.packages).toContain(name);
  });

  it('holds at most 42 MB of live heap with the schema built (37.9 MB measured on Node 24; 56.7 MB before the extractor and Redis loaded lazily)', () => {
    expect(started.heapMb).toBeLessThanOrEqual(42);
    expect(started.heapMb).toBeGreaterThan(20);
  });
});
