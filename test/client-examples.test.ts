import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../client/generated/persisted-documents.json' with { type: 'json' };
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';

const VITE_CONFIG = fileURLToPath(new URL('../client/examples/vite.config.ts', import.meta.url));

/** The manifest's hash (bare hex) of the operation the examples run. */
const PROGRAMME_HASH = Object.entries(manifest as Record<string, string>)
  .find(([, text]) => text.includes(' query ConferenceProgramme('))![0]
  .replace(/^sha256:/, '');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** A plain static web server for the built examples, on an origin of its own, as a portal's would be. */
async function serveFolder(folder: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = path.normalize(new URL(request.url ?? '/', 'http://page').pathname);
    const type = TYPES[path.extname(file)];
    if (request.method !== 'GET' || !type || file.includes('..')) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(folder, file)).then(
      (body) => response.writeHead(200, { 'content-type': type }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Sent = { method: string; url: URL; body: Record<string, unknown> | null; status?: number; answer?: { errors?: Array<{ extensions?: { code?: string } }> } };

/** What an example sent to the API: the persisted hash, whether the document went along, and how the API answered. */
function summary(sent: Sent[]) {
  return sent.map((request) => {
    const fromUrl = (name: string) => request.url.searchParams.get(name);
    const extensions = (request.body?.extensions ?? JSON.parse(fromUrl('extensions') ?? 'null')) as { persistedQuery?: { sha256Hash?: string } } | null;
    return {
      method: request.method,
      hash: extensions?.persistedQuery?.sha256Hash,
      withDocument: typeof (request.body?.query ?? fromUrl('query')) === 'string',
      status: request.status,
      code: request.answer?.errors?.[0]?.extensions?.code,
    };
  });
}

let outDir: string;
let pages: Awaited<ReturnType<typeof serveFolder>>;

// Both pages are built once, as `npm run client:examples` builds them, and served from one origin.
beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-client-examples-'));
  await build({ configFile: VITE_CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  pages = await serveFolder(outDir);
});

afterAll(async () => {
  await pages?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.each([
  ['Apollo Client', 'apollo'],
  ['urql', 'urql'],
])('the %s example page, built from installed packages and served from another origin, in headless Chromium', (_name, folder) => {
  let trustedApi: TestApp;
  let apqApi: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];

  beforeAll(async () => {
    [trustedApi, apqApi, browser] = await Promise.all([
      startTestApp({ environment: { CORS_ORIGINS: pages.origin, TRUSTED_DOCUMENTS: 'anonymous' } }),
      startTestApp({ environment: { CORS_ORIGINS: pages.origin } }),
      launchBrowser(),
    ]);
    context = await browser.newContext();
    blocked = await blockNonLocalRequests(context);
    context.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([trustedApi?.close(), apqApi?.close()]);
  });

  /** Opens the example against an API and waits until it has drawn the programme or given up; returns what it sent and any problems. */
  async function open(api: TestApp, mode: 'trusted' | 'apq'): Promise<{ page: Page; sent: Sent[]; problems: string[] }> {
    const page = await context.newPage();
    const sent: Sent[] = [];
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('requestfinished', async (request) => {
      if (!request.url().startsWith(`${api.url}/graphql`) || request.method() === 'OPTIONS') return;
      const response = await request.response();
      sent.push({
        method: request.method(),
        url: new URL(request.url()),
        body: request.postData() ? (request.postDataJSON() as Record<string, unknown>) : null,
        status: response?.status(),
        answer: (await response?.json()) as Sent['answer'],
      });
    });
    const address = `${pages.origin}/${folder}/index.html?endpoint=${encodeURIComponent(`${api.url}/graphql`)}&mode=${mode}`;
    expect((await page.goto(address, { waitUntil: 'load' }))?.status()).toBe(200);
    await page.locator('body:not([data-state="loading"])').waitFor();
    await expect.poll(() => sent.length).toBeGreaterThan(0);
    return { page, sent, problems };
  }

  async function expectProgramme(page: Page) {
    expect(await page.locator('#error').textContent()).toBe('');
    expect(await page.locator('body').getAttribute('data-state')).toBe('loaded');
    expect(await page.locator('h1').textContent()).toBe('Senior Management Service Conference 2007');
    expect(await page.locator('#theme').textContent()).toBe(
      'Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement',
    );
    expect(await page.locator('#venue').textContent()).toBe('Cape Sun Hotel, Cape Town');
    expect(await page.locator('.day .chair').allTextContents()).toEqual([
      'Chair: Ms C Clark — Deputy Director-General, DPSA',
      'Chair: Dr M Singh — Deputy Commissioner, SAPS',
    ]);
    expect(await page.locator('[data-day="1"] li.session').allTextContents()).toEqual([
      'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      'Breakaway Commissions',
      'Gala Dinner',
    ]);
  }

  it('in trusted-documents mode, shows the 2007 programme from a server with TRUSTED_DOCUMENTS=anonymous, asking by the manifest’s hash alone', async () => {
    const { page, sent, problems } = await open(trustedApi, 'trusted');
    await expectProgramme(page);
    expect(await page.locator('#mode').textContent()).toBe('trusted documents (hash only)');
    expect(summary(sent)).toEqual([{ method: 'GET', hash: PROGRAMME_HASH, withDocument: false, status: 200, code: undefined }]);
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('with automatic persisted queries, sends the hash alone first, the document once when the server does not know it, and the hash alone on the next visit', async () => {
    const first = await open(apqApi, 'apq');
    await expectProgramme(first.page);
    expect(await first.page.locator('#mode').textContent()).toBe('automatic persisted queries');
    const [miss, registration, ...rest] = summary(first.sent);
    expect(rest).toEqual([]);
    expect(miss).toMatchObject({ method: 'GET', withDocument: false, status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect(miss!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(registration).toMatchObject({ hash: miss!.hash, withDocument: true, status: 200, code: undefined });
    // The server did not fail on the page's console: the miss is an expected answer, not a problem.
    expect(first.problems).toEqual([]);
    await first.page.close();

    const again = await open(apqApi, 'apq');
    await expectProgramme(again.page);
    expect(summary(again.sent)).toEqual([{ method: 'GET', hash: miss!.hash, withDocument: false, status: 200, code: undefined }]);
    expect(again.problems).toEqual([]);
    expect(blocked).toEqual([]);
    await again.page.close();
  });

  it('says so on the page when a server that runs only trusted documents is asked with automatic persisted queries', async () => {
    const { page, sent } = await open(trustedApi, 'apq');
    await page.locator('body[data-state="failed"]').waitFor();
    expect(await page.locator('#error').textContent()).toMatch(/^The programme could not be loaded: .*This server runs only its published operations for callers without an API key/);
    expect(summary(sent).at(-1)).toMatchObject({ withDocument: true, status: 403, code: 'OPERATION_NOT_TRUSTED' });
    await page.close();
  });
});
