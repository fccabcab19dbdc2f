import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import manifest from '../client/generated/persisted-documents.json' with { type: 'json' };
import type { ConferenceProgrammeQuery, PersonProfileQuery, SearchQuery, SessionsByTopicQuery } from '../client/generated/graphql.js';
import { createLekgotlaClient, LekgotlaError } from '../client/lekgotla-client.js';
import { ConferenceProgramme, PersonProfile, Search, SessionsByTopic } from '../client/operations.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { ConnectionsTopicsPageDocument } from './generated/graphql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';
import { freePort } from './support/free-port.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_DIR = path.join(ROOT, 'client/example-intranet');
/** test-results/ is git-ignored; the picture is for a person to look at. */
const SCREENSHOT = path.join(ROOT, 'test-results/portal.png');
const SCREENSHOT_REFUSED = path.join(ROOT, 'test-results/portal-refused.png');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const MANIFEST = manifest as Record<string, string>;

type PageQueries = { ConferenceProgramme: { sha256Hash: string; document: string } };

const STATIC_TYPES: Record<string, string> = {
  '/index.html': 'text/html; charset=utf-8',
  '/programme.js': 'text/javascript; charset=utf-8',
  '/queries.json': 'application/json; charset=utf-8',
};

/** A plain static web server for client/example-intranet/, as an intranet's would be: its files and nothing else. */
async function serveExamplePage(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://page').pathname;
    const file = pathname === '/' ? '/index.html' : pathname;
    const type = STATIC_TYPES[file];
    if (request.method !== 'GET' || !type) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(PAGE_DIR, file)).then(
      (body) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A GET with node:http, which (unlike fetch) adds no Cache-Control of its own: as a browser revalidates its cache. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
      .on('error', reject);
  });
}

describe('client/example-intranet/queries.json', () => {
  it('holds the ConferenceProgramme document exactly as the generated manifest lists it, under its hash', async () => {
    const queries = JSON.parse(await readFile(path.join(PAGE_DIR, 'queries.json'), 'utf8')) as PageQueries;
    const { sha256Hash, document } = queries.ConferenceProgramme;
    expect(Object.keys(queries)).toEqual(['ConferenceProgramme']);
    // APQ's sha256Hash is the bare hex digest of the text sent; the manifest writes it "sha256:<hex>".
    expect(sha256(document)).toBe(sha256Hash);
    expect(
      MANIFEST[`sha256:${sha256Hash}`],
      'queries.json is stale: after `npm run codegen`, copy ConferenceProgramme and its hash from client/generated/persisted-documents.json',
    ).toBe(document);
    expect(document).toMatch(/^fragment PortalParticipant on Participation \{.*\} query ConferenceProgramme\(\$series: String!, \$year: Int!\) \{/);
  });
});

describe('the example intranet page, served from another origin, in headless Chromium with the internet blocked', () => {
  let app: TestApp;
  let portal: Awaited<ReturnType<typeof serveExamplePage>>;
  let stranger: Awaited<ReturnType<typeof serveExamplePage>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];
  let queries: PageQueries;
  /** Everything that went wrong in a page: script errors, console errors, failed requests, HTTP errors. */
  let problems: string[] = [];
  /** The requests the page sent to the API, and what came back. */
  let apiTraffic: Array<{ method: string; url: URL; body: string | null; response?: Response }> = [];

  const pageUrl = (origin: string) => `${origin}/index.html?endpoint=${encodeURIComponent(`${app.url}/graphql`)}`;

  async function load(origin: string) {
    problems = [];
    apiTraffic = [];
    const response = await page.goto(pageUrl(origin), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('body:not([data-state="loading"])').waitFor({ timeout: 10_000 });
  }

  const texts = (selector: string) => page.locator(selector).allInnerTexts();

  beforeAll(async () => {
    [portal, stranger, browser] = await Promise.all([serveExamplePage(), serveExamplePage(), launchBrowser()]);
    app = await startTestApp({ environment: { CORS_ORIGINS: portal.origin, CACHE_MAX_AGE: '60' } });
    queries = JSON.parse(await readFile(path.join(PAGE_DIR, 'queries.json'), 'utf8')) as PageQueries;
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    blocked = await blockNonLocalRequests(context);
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
    page.on('request', (request) => {
      if (request.url().startsWith(`${app.url}/graphql`)) apiTraffic.push({ method: request.method(), url: new URL(request.url()), body: request.postData() });
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      const sent = apiTraffic.find((entry) => entry.url.href === response.url() && entry.method === response.request().method() && !entry.response);
      if (sent) sent.response = response;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([app?.close(), portal?.close(), stranger?.close()]);
  });

  it('shows the 2007 programme: title, theme, dates and venue, each day with its sub-theme and chair', async () => {
    await load(portal.origin);
    expect(problems).toEqual([]);
    expect(await page.locator('body').getAttribute('data-state')).toBe('loaded');
    await expect(page.title()).resolves.toBe('Senior Management Service Conference 2007 — programme');
    expect(await page.locator('h1').innerText()).toBe('Senior Management Service Conference 2007');
    expect(await page.locator('#theme').innerText()).toBe(
      'Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement',
    );
    expect(await page.locator('#when-where').innerText()).toBe('12–14 September 2007 · Cape Sun Hotel, Cape Town');
    expect(await texts('.day > h2')).toEqual(['Day 1', 'Day 2']);
    expect(await texts('.day .sub-theme')).toEqual([
      'Sub-theme: Strategies to strengthen leadership development to enhance organisational performance management in the Public Service',
      'Sub-theme: Creation of a culture of continuous learning and development - Management implications',
    ]);
    expect(await texts('.day .chair')).toEqual([
      'Chair: Ms C Clark — Deputy Director-General, DPSA',
      'Chair: Dr M Singh — Deputy Commissioner, SAPS',
    ]);
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await page.locator('#status').isHidden()).toBe(true);
    expect(blocked).toEqual([]);
  });

  it('shows each session in programme order, the commissions nested under the breakaway, with who took part and in what position', async () => {
    expect(await texts('[data-day="1"] > ol.sessions > li.session > h3')).toEqual([
      'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      'Breakaway Commissions',
      'Gala Dinner',
    ]);
    expect(await texts('[data-day="1"] > ol.sessions > li.session > .kind')).toEqual(['ROUND TABLE', 'BREAKAWAY', 'GALA DINNER']);
    expect(await texts('[data-ref="day-1-round-table"] .participant')).toEqual([
      'Dr C Nwaila (Facilitator) — Director-General, Free State Provincial Government',
      'Ms G J Fraser-Moleketi (Panellist)',
      'Ms V Petersen (Panellist)',
      'Prof R M Levin (Panellist)',
      'Prof D Argyriades (Panellist)',
      'Ms R Perez (Panellist)',
      'Ms L Msengana-Ndlela (Panellist)',
    ]);

    const breakaway = page.locator('[data-ref="day-1-breakaway-commissions"]');
    expect(await breakaway.locator(':scope > ol.commissions > li.session > h4').allInnerTexts()).toEqual([
      'Commission 1: Organisational Performance Management',
      'Commission 2: Leadership Challenges in the Single Public Service',
      "Commission 3: Women in Leadership - SMS Women's Forum",
      'Commission 4',
    ]);
    // The breakaway itself lists nobody: its people are in its commissions.
    expect(await breakaway.locator(':scope > ul.participants').count()).toBe(0);
    expect(await texts('[data-ref="day-1-commission-1"] .key-issues li')).toEqual([
      'What Is OPM and What It Is Not - (Elements of OPM & Best Case Study Locally and Around the World.)',
      'Key Steps to Improving Service Delivery Through OPM (Implementation Challenges and Role Clarification)',
      'Linking Organisational Performance With Service Delivery Impact',
    ]);
    expect(await texts('[data-ref="day-1-commission-1"] .participant')).toEqual([
      'Mr L Mthethwa (Facilitator) — Acting Chief Executive Officer, CPSI',
      'Dr E Ijeoma (Presenter) — Senior Lecturer, University of Pretoria',
    ]);
    expect(await texts('[data-ref="day-1-commission-2"] .participant')).toEqual([
      'Ms M Nchwe (Facilitator) — Deputy Director-General, SAPS',
      'Prof R M Levin (Presenter) — Director-General, DPSA',
    ]);
    expect(await texts('[data-ref="day-1-commission-3"] .participant')).toEqual([
      'Ms X Sibeko (Facilitator) — Director-General, Sport and Recreation South Africa',
      'Commissioner K Mashigo (Presenter) — Commissioner, Public Service Commission',
    ]);
    // Commission 4 is listed with nothing under it, as in the source.
    const commission4 = page.locator('[data-ref="day-1-commission-4"]');
    expect(await commission4.locator('h4').innerText()).toBe('Commission 4');
    expect(await commission4.locator('.empty').innerText()).toBe('The programme lists nothing under this session.');
    expect(await commission4.locator('.participant, .description, .key-issues').count()).toBe(0);

    // The gala dinner, and what it launched.
    const dinner = page.locator('[data-ref="day-1-gala-dinner"]');
    expect(await dinner.locator('h3').innerText()).toBe('Gala Dinner');
    expect(await dinner.locator('.description').innerText()).toBe(
      'Launch of the Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
    );
    expect(await dinner.locator('.empty').count()).toBe(0);

    expect(await texts('[data-day="2"] > ol.sessions > li.session > h3')).toEqual([
      'The leadership pipeline in the Public Service: Implications for Public Service Managers',
    ]);
    expect(await texts('[data-ref="day-2-round-table"] .participant')).toEqual([
      'Dr E Kornegay (Facilitator) — Deputy Director-General, DPSA',
      'Ms C Clark (Panellist)',
      'Dr M Orkin (Panellist)',
      'Adv Misser (Panellist)',
      'Mr Manyi (Panellist)',
      'Ms Hefele (Panellist)',
    ]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('asked by persisted hash with a GET first, and sent the document (by POST) only because the API did not know the hash yet', async () => {
    expect(apiTraffic.map(({ method, response }) => `${method} ${response?.status()}`)).toEqual(['GET 200', 'POST 200']);
    const [get, post] = apiTraffic;
    expect([...get!.url.searchParams.keys()].sort()).toEqual(['extensions', 'operationName', 'variables']);
    expect(get!.url.searchParams.get('operationName')).toBe('ConferenceProgramme');
    expect(JSON.parse(get!.url.searchParams.get('variables')!)).toEqual({ series: 'sms', year: 2007 });
    expect(JSON.parse(get!.url.searchParams.get('extensions')!)).toEqual({
      persistedQuery: { version: 1, sha256Hash: queries.ConferenceProgramme.sha256Hash },
    });
    expect(await get!.response!.json()).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(await get!.response!.headerValue('cache-control')).toBe('private, no-cache, must-revalidate');
    expect(JSON.parse(post!.body!)).toEqual({
      operationName: 'ConferenceProgramme',
      query: queries.ConferenceProgramme.document,
      variables: { series: 'sms', year: 2007 },
      extensions: { persistedQuery: { version: 1, sha256Hash: queries.ConferenceProgramme.sha256Hash } },
    });
  });

  it('on a second load asks by hash alone and gets a cached answer: from the response cache, with an ETag that revalidates to 304', async () => {
    const firstAnswer = await apiTraffic[1]!.response!.allHeaders();
    await load(portal.origin);
    expect(problems).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe('Senior Management Service Conference 2007');
    expect(await texts('[data-ref="day-1-commission-1"] .participant')).toContain('Dr E Ijeoma (Presenter) — Senior Lecturer, University of Pretoria');

    expect(apiTraffic.map(({ method, response }) => `${method} ${response?.status()}`)).toEqual(['GET 200']);
    const [get] = apiTraffic;
    expect(get!.url.searchParams.has('query')).toBe(false);
    const headers = await get!.response!.allHeaders();
    expect(headers['access-control-allow-origin']).toBe(portal.origin);
    expect(headers['cache-control']).toBe('max-age=60, public');
    // The response cache answered: it says how old its answer is.
    expect(headers['age']).toMatch(/^\d+$/);
    expect(headers['etag']).toMatch(/^W\/".+"$/);
    expect(headers['etag']).toBe(firstAnswer['etag']);

    // A browser whose cached copy has gone stale revalidates with If-None-Match (Playwright's request
    // routing turns Chromium's HTTP cache off, so the round-trip is made here as the browser would make it).
    const revalidated = await rawGet(get!.url.href, {
      origin: portal.origin,
      'apollo-require-preflight': 'true',
      'if-none-match': headers['etag']!,
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers['access-control-allow-origin']).toBe(portal.origin);
    expect(revalidated.headers['etag']).toBe(headers['etag']);
    expect(blocked).toEqual([]);
  });

  it('refuses a page from an origin CORS_ORIGINS does not list: the browser blocks the answer and the page says so', async () => {
    await load(stranger.origin);
    expect(await page.locator('body').getAttribute('data-state')).toBe('error');
    expect(await page.locator('#error').innerText()).toBe(
      `Could not load the programme: the Lekgotla API at ${app.url}/graphql did not answer this page. ` +
        `It may be down, or it may not list this page's origin (${stranger.origin}) in CORS_ORIGINS.`,
    );
    expect(await page.locator('h1').innerText()).toBe('Conference programme');
    expect(await page.locator('#programme').innerText()).toBe('');
    // The browser, not the page, refused: CORS gave no Access-Control-Allow-Origin for this origin.
    expect(problems.filter((problem) => problem.includes(`from origin '${stranger.origin}' has been blocked by CORS policy`))).toHaveLength(1);
    expect(apiTraffic.map(({ method }) => method)).toEqual(['GET']);
    expect(apiTraffic[0]!.response).toBeUndefined();
    await page.screenshot({ path: SCREENSHOT_REFUSED });
    expect(blocked).toEqual([]);
  });
});

describe('the typed client (client/lekgotla-client.ts) in Node against the running server', () => {
  let app: TestApp;
  let sent: Array<{ method: string; url: URL; body: unknown; headers: Headers }> = [];
  /** fetch, recording each request. */
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    sent.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: new Headers(init?.headers) });
    return fetch(input, init);
  };
  const client = () => createLekgotlaClient({ endpoint: `${app.url}/graphql`, fetch: recordingFetch });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('sends the persisted hash by GET first, the document once on PERSISTED_QUERY_NOT_FOUND, then the hash alone again', async () => {
    sent = [];
    const programme = await client().request(ConferenceProgramme, { series: 'sms', year: 2007 });
    expectTypeOf(programme).toEqualTypeOf<ConferenceProgrammeQuery>();
    expect(programme.conference?.title).toBe('Senior Management Service Conference 2007');
    expect(programme.conference?.venue).toEqual({ __typename: 'Venue', name: 'Cape Sun Hotel', city: 'Cape Town' });
    expect(sent.map(({ method }) => method)).toEqual(['GET', 'POST']);
    const extensions = JSON.parse(sent[0]!.url.searchParams.get('extensions')!) as { persistedQuery: { version: number; sha256Hash: string } };
    expect(extensions.persistedQuery.version).toBe(1);
    // APQ's hash is the bare hex digest, without the manifest's "sha256:".
    expect(extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(MANIFEST[`sha256:${extensions.persistedQuery.sha256Hash}`]).toMatch(/ query ConferenceProgramme\(/);
    expect(sent[0]!.url.searchParams.has('query')).toBe(false);
    expect(sent[0]!.headers.get('apollo-require-preflight')).toBe('true');
    expect(sent[1]!.body).toEqual({
      operationName: 'ConferenceProgramme',
      variables: { series: 'sms', year: 2007 },
      query: MANIFEST[`sha256:${extensions.persistedQuery.sha256Hash}`],
      extensions,
    });
    expect(sent[1]!.headers.get('content-type')).toBe('application/json');

    sent = [];
    const again = await client().request(ConferenceProgramme, { series: 'sms', year: 2007 });
    expect(again).toEqual(programme);
    expect(sent.map(({ method, url }) => `${method} ${url.searchParams.get('operationName')}`)).toEqual(['GET ConferenceProgramme']);
  });

  it('answers with the typed data of each portal operation', async () => {
    const day1 = (await client().request(ConferenceProgramme, { series: 'sms', year: 2007 })).conference?.days[0];
    expect(day1?.chair?.person.displayName).toBe('Ms C Clark');
    expect(day1?.chair?.position?.organisation?.acronym).toBe('DPSA');
    expect(day1?.sessions.map((session) => [session.kind, session.title, session.children.map((child) => child.number)])).toEqual([
      ['ROUND_TABLE', 'Responding to Leadership Development in the Public Service in consideration of the Global challenges', []],
      ['BREAKAWAY', 'Breakaway Commissions', [1, 2, 3, 4]],
      ['GALA_DINNER', 'Gala Dinner', []],
    ]);

    const onTopic = await client().request(SessionsByTopic, { topic: 'organisational-performance-management', fromYear: 2007, toYear: 2007, first: 10 });
    expectTypeOf(onTopic).toEqualTypeOf<SessionsByTopicQuery>();
    expect(onTopic.sessions.totalCount).toBe(1);
    expect(onTopic.sessions.edges.map(({ node }) => [node.title, node.conference.year, node.day?.number, node.parent?.title])).toEqual([
      ['Organisational Performance Management', 2007, 1, 'Breakaway Commissions'],
    ]);
    expect(onTopic.sessions.edges[0]!.node.participants.map((participant) => `${participant.role} ${participant.person.displayName}`)).toEqual([
      'FACILITATOR Mr L Mthethwa',
      'PRESENTER Dr E Ijeoma',
    ]);

    const found = await client().request(Search, { text: 'Clark', types: ['PERSON'] });
    expectTypeOf(found).toEqualTypeOf<SearchQuery>();
    const hit = found.search.nodes[0]?.node;
    expect(found.search.totalCount).toBe(1);
    expect(hit?.__typename).toBe('Person');
    if (hit?.__typename !== 'Person') throw new Error('expected a person');
    expect(hit.displayName).toBe('Ms C Clark');

    const profile = await client().request(PersonProfile, { id: hit.id });
    expectTypeOf(profile).toEqualTypeOf<PersonProfileQuery>();
    if (profile.node?.__typename !== 'Person') throw new Error('expected a person');
    expect(profile.node.positions.map((position) => `${position.title}, ${position.organisation?.acronym}`)).toEqual(['Deputy Director-General, DPSA']);
    expect(
      profile.node.participations.nodes.map((participation) => [
        participation.role,
        participation.day?.conference.year ?? participation.session?.conference.year,
        participation.day ? `Day ${participation.day.number}` : participation.session?.title,
      ]),
    ).toEqual([
      ['CHAIRPERSON', 2007, 'Day 1'],
      ['PANELLIST', 2007, 'The leadership pipeline in the Public Service: Implications for Public Service Managers'],
    ]);
  });

  it('throws a LekgotlaError with the GraphQL error code for a bad variable', async () => {
    const outOfRange = await client()
      .request(SessionsByTopic, { topic: 'leadership-development', first: 1000 })
      .catch((error: unknown) => error);
    expect(outOfRange).toBeInstanceOf(LekgotlaError);
    expectTypeOf<LekgotlaError['code']>().toExtend<string>();
    const error = outOfRange as LekgotlaError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('first must be at most 100 (got 1000)');
    expect(error.errors[0]?.extensions?.argumentName).toBe('first');

    // A variable of the wrong type does not compile; sent all the same, the server refuses it.
    const wrongType = await client()
      // @ts-expect-error -- year is an Int
      .request(ConferenceProgramme, { series: 'sms', year: '2007' })
      .catch((error: unknown) => error);
    expect(wrongType).toBeInstanceOf(LekgotlaError);
    expect((wrongType as LekgotlaError).code).toBe('BAD_USER_INPUT');
    expect((wrongType as LekgotlaError).status).toBe(400);
    expect((wrongType as LekgotlaError).message).toBe('Variable "$year" got invalid value "2007"; Int cannot represent non-integer value: "2007"');
  });

  it('sends its API key as a bearer token, and a refused key is an UNAUTHENTICATED error', async () => {
    const key = await createApiKey(app.lekgotla.database.orm.em.fork(), 'portal-test', Role.EDITOR);
    sent = [];
    const withKey = createLekgotlaClient({ endpoint: `${app.url}/graphql`, apiKey: key, fetch: recordingFetch });
    expect((await withKey.request(ConferenceProgramme, { series: 'sms', year: 2007 })).conference?.year).toBe(2007);
    expect(sent.map(({ headers }) => headers.get('authorization'))).toEqual([`Bearer ${key}`]);

    const withBadKey = createLekgotlaClient({ endpoint: `${app.url}/graphql`, apiKey: 'not-a-key' });
    const refused = await withBadKey.request(ConferenceProgramme, { series: 'sms', year: 2007 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LekgotlaError);
    expect((refused as LekgotlaError).code).toBe('UNAUTHENTICATED');
    expect((refused as LekgotlaError).status).toBe(401);
  });

  it('reports an unreachable server as NETWORK_ERROR, and refuses a document that is not a persisted one', async () => {
    const nowhere = createLekgotlaClient({ endpoint: `http://127.0.0.1:${await freePort()}/graphql` });
    const unreachable = await nowhere.request(ConferenceProgramme, { series: 'sms', year: 2007 }).catch((error: unknown) => error);
    expect(unreachable).toBeInstanceOf(LekgotlaError);
    expect((unreachable as LekgotlaError).code).toBe('NETWORK_ERROR');

    // The tests' own documents are not in the portal manifest.
    await expect(client().request(ConnectionsTopicsPageDocument, { first: 1 })).rejects.toThrow(
      'Not a persisted operation: pass a query or mutation made with graphql() from client/generated',
    );
  });
});
