import express from 'express';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../client/generated/persisted-documents.json' with { type: 'json' };
import { insightsRouter } from '../src/insights/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';

/** test-results/ is git-ignored; the picture is for a person to look at. */
const SCREENSHOT = fileURLToPath(new URL('../test-results/insights.png', import.meta.url));

/**
 * The same question the page asks, as plain text (not a typed document: the
 * comparison is with the API's own answer, fetched over HTTP like the page does).
 */
const TIMELINE_QUERY = `query InsightsTestTimeline($topicSlugs: [String!], $seriesSlug: String, $fromYear: Int, $toYear: Int) {
  topicTimeline(topicSlugs: $topicSlugs, seriesSlug: $seriesSlug, fromYear: $fromYear, toYear: $toYear) {
    year sessionCount conferenceCount known topic { slug name }
  }
}`;

type TimelineRow = { year: number; sessionCount: number; conferenceCount: number; known: boolean; topic: { slug: string; name: string } };
type Measure = 'sessionCount' | 'conferenceCount';
type Drawn = {
  variables: { topicSlugs: string[]; seriesSlug: string | null; fromYear: number | null; toYear: number | null } | null;
  labels: number[];
  known: boolean[];
  datasets: Array<{ topicSlug: string; topicName: string; measure: Measure; label: string; data: Array<number | null> }>;
};

/** What the form asks after choosing two topics, series sms and 2001–2007: topics in the order of their checkboxes (by name). */
const CHOSEN = { topicSlugs: ['leadership-development', 'professionalism-and-ethics'], seriesSlug: 'sms', fromYear: 2001, toYear: 2007 };

/**
 * Serves the insights router beside a /graphql that passes requests through
 * to the test app unchanged, so the page and its API share one origin, as
 * they will once the router is mounted on the real app.
 */
async function startInsightsHost(graphqlOrigin: string): Promise<{ url: string; close: () => Promise<void> }> {
  const host = express();
  host.use(insightsRouter());
  host.use('/graphql', express.raw({ type: () => true, limit: '1mb' }), async (request, response) => {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'accept', 'apollo-require-preflight', 'authorization']) {
      const value = request.header(name);
      if (value !== undefined) headers[name] = value;
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && Buffer.isBuffer(request.body);
    const upstream = await fetch(`${graphqlOrigin}/graphql${request.url === '/' ? '' : request.url}`, {
      method: request.method,
      headers,
      body: hasBody ? new Uint8Array(request.body as Buffer) : undefined,
    });
    response.status(upstream.status);
    const type = upstream.headers.get('content-type');
    if (type) response.type(type);
    response.send(Buffer.from(await upstream.arrayBuffer()));
  });
  const server = http.createServer(host);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * What the chart must draw for an answer: years ascending; per topic in the API's order, sessions then
 * conferences; a year the API does not call known is a gap (null), whatever the records hold.
 */
function expectedChart(rows: TimelineRow[], withConferences: boolean): Omit<Drawn, 'variables'> {
  const labels = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const known = labels.map((year) => rows.find((row) => row.year === year)!.known);
  const topics = [...new Map(rows.map((row) => [row.topic.slug, row.topic])).values()];
  const count = (slug: string, year: number, measure: Measure) => {
    const row = rows.find((candidate) => candidate.topic.slug === slug && candidate.year === year);
    return row?.known ? row[measure] : null;
  };
  const datasets: Drawn['datasets'] = [];
  for (const topic of topics) {
    const measures: Array<[Measure, string]> = [['sessionCount', 'sessions']];
    if (withConferences) measures.push(['conferenceCount', 'conferences']);
    for (const [measure, word] of measures) {
      datasets.push({
        topicSlug: topic.slug,
        topicName: topic.name,
        measure,
        label: `${topic.name} — ${word}`,
        data: labels.map((year) => count(topic.slug, year, measure)),
      });
    }
  }
  return { labels, known, datasets };
}

/** What the table must say for a count: the number for a known year; "unknown", or the lower bound the records hold, otherwise. */
const expectedCell = (row: TimelineRow, measure: Measure) =>
  row.known ? String(row[measure]) : row[measure] > 0 ? `at least ${row[measure]}` : 'unknown';

describe('the insights page at GET /insights, in headless Chromium with the internet blocked', () => {
  let app: TestApp;
  let host: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];
  let screenshotTaken = false;
  /** Everything that went wrong in the page: script errors, console errors (CSP violations among them), failed or refused requests. */
  const problems: string[] = [];

  const drawn = () => page.evaluate(() => (window as unknown as { lekgotlaInsights?: Drawn }).lekgotlaInsights ?? null);
  const outputState = () => page.locator('#insights-output').getAttribute('data-state');
  /** The page's state once it has drawn the answer to `variables`. */
  const settledOn = async (variables: Drawn['variables']) => {
    await expect.poll(async () => ({ state: await outputState(), variables: (await drawn())?.variables }), { timeout: 10_000 }).toEqual({
      state: 'ready',
      variables,
    });
  };
  const apiTimeline = async (variables: NonNullable<Drawn['variables']>): Promise<TimelineRow[]> => {
    const response = await app.post({ query: TIMELINE_QUERY, variables });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    return (response.body.data as { topicTimeline: TimelineRow[] }).topicTimeline;
  };
  /** Every number in the table, as [topic, year, measure, value]. */
  const tableCells = () =>
    page.locator('#insights-table tbody td').evaluateAll((cells) =>
      cells.map((cell) => [
        cell.getAttribute('data-topic'),
        Number(cell.getAttribute('data-year')),
        cell.getAttribute('data-measure'),
        cell.textContent,
      ]),
    );
  const tableCell = (topic: string, year: number, measure: Measure) =>
    page.locator(`#insights-table td[data-topic="${topic}"][data-year="${year}"][data-measure="${measure}"]`);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    host = await startInsightsHost(app.url);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    blocked = await blockNonLocalRequests(context);
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    // Whatever state the page ended in, keep a picture of it if the main test did not get to take one.
    if (!screenshotTaken) await page?.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => {});
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  it('serves the page, its script as written and Chart.js from the installed package', async () => {
    const pageResponse = await fetch(`${host.url}/insights`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toMatch(/^text\/html/);
    expect(pageResponse.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await pageResponse.text();
    expect(html).toContain('<script src="/insights/assets/chart.js"></script>');
    expect(html).toContain('<script src="/insights/insights.js"></script>');
    expect(html).not.toMatch(/<script>|https?:\/\//);

    const script = await fetch(`${host.url}/insights/insights.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(await script.text()).toBe(readFileSync(fileURLToPath(new URL('../src/insights/insights.js', import.meta.url)), 'utf8'));

    const chartFile = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
    const chart = await fetch(`${host.url}/insights/assets/chart.js`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(await chart.text()).toBe(readFileSync(chartFile, 'utf8'));
  });

  it('loads the topics and series and draws nothing until a topic is chosen', async () => {
    const response = await page.goto(`${host.url}/insights`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Lekgotla — Topic insights');
    await expect.poll(outputState, { timeout: 10_000 }).toBe('empty');
    // 23 topics in the seed taxonomy, each a labelled checkbox; one series besides "All series".
    expect(await page.locator('#insights-topics input[type=checkbox][name=topic]').count()).toBe(23);
    expect(await page.getByRole('checkbox', { name: 'Professionalism and ethics', exact: true }).getAttribute('value')).toBe('professionalism-and-ethics');
    expect(await page.getByLabel('Series', { exact: true }).locator('option').allTextContents()).toEqual(['All series', 'Senior Management Service Conference']);
    expect(await drawn()).toEqual({ variables: { topicSlugs: [], seriesSlug: null, fromYear: null, toYear: null }, labels: [], known: [], datasets: [] });
    expect(await page.locator('#insights-status').textContent()).toBe('Choose one or more topics to draw their timeline.');
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('draws sessions and conferences per year for two topics in the sms series, 2001–2007, exactly as topicTimeline answers, the referenced-only years as gaps and "unknown"', async () => {
    await page.getByRole('checkbox', { name: 'Professionalism and ethics', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Leadership development', exact: true }).check();
    await page.getByLabel('Series', { exact: true }).selectOption('sms');
    await page.getByLabel('From year', { exact: true }).fill('2001');
    await page.getByLabel('To year', { exact: true }).fill('2007');
    await page.getByRole('button', { name: 'Show timeline' }).click();
    await settledOn(CHOSEN);

    // The API asked the very question the page asked.
    const shown = await drawn();
    const rows = await apiTimeline(shown!.variables!);
    expect({ labels: shown?.labels, known: shown?.known, datasets: shown?.datasets }).toEqual(expectedChart(rows, true));
    // Facts of the seed: leadership development in five 2007 sessions; professionalism at the 2007 edition, in no
    // session. 2001–2006 are only referenced: gaps, not zeros (the 2002 focus on professionalism included).
    expect(shown?.labels).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007]);
    expect(shown?.known).toEqual([false, false, false, false, false, false, true]);
    const gaps = [null, null, null, null, null, null];
    expect(shown?.datasets.map((dataset) => [dataset.topicSlug, dataset.measure, dataset.data])).toEqual(
      expect.arrayContaining([
        ['leadership-development', 'sessionCount', [...gaps, 5]],
        ['leadership-development', 'conferenceCount', [...gaps, 1]],
        ['professionalism-and-ethics', 'sessionCount', [...gaps, 0]],
        ['professionalism-and-ethics', 'conferenceCount', [...gaps, 1]],
      ]),
    );
    expect(shown?.datasets).toHaveLength(4);

    // Chart.js itself holds the same numbers, and has painted them on the canvas.
    const inChart = await page.evaluate(() => {
      const canvas = document.getElementById('insights-chart') as HTMLCanvasElement;
      const chart = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): { data: { labels: unknown[]; datasets: Array<{ label: string; data: unknown[]; spanGaps?: boolean }> } } } }).Chart.getChart(canvas);
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index] !== 0) painted++;
      return {
        labels: chart.data.labels,
        datasets: chart.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })),
        spanGaps: chart.data.datasets.map((dataset) => dataset.spanGaps),
        painted,
        size: [canvas.clientWidth, canvas.clientHeight],
      };
    });
    expect(inChart.labels).toEqual(shown?.labels);
    expect(inChart.datasets).toEqual(shown?.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })));
    // Chart.js would join the points across a null unless told not to: the referenced years stay gaps.
    expect(inChart.spanGaps).toEqual([false, false, false, false]);
    expect(inChart.size[0]).toBeGreaterThan(300);
    expect(inChart.size[1]).toBeGreaterThan(200);
    expect(inChart.painted).toBeGreaterThan(5_000);

    // The table beside it: the same numbers, years × topics; a referenced year says what is unknown.
    expect(await tableCell('professionalism-and-ethics', 2002, 'conferenceCount').textContent()).toBe('at least 1');
    expect(await tableCell('professionalism-and-ethics', 2002, 'sessionCount').textContent()).toBe('unknown');
    expect(await tableCell('professionalism-and-ethics', 2007, 'sessionCount').textContent()).toBe('0');
    expect(await tableCell('leadership-development', 2007, 'sessionCount').textContent()).toBe('5');
    expect(await tableCell('leadership-development', 2007, 'conferenceCount').textContent()).toBe('1');
    expect(await tableCell('leadership-development', 2004, 'sessionCount').textContent()).toBe('unknown');
    expect(await tableCell('leadership-development', 2004, 'sessionCount').getAttribute('data-known')).toBe('false');
    expect(await tableCell('leadership-development', 2007, 'sessionCount').getAttribute('data-known')).toBe('true');
    const cells = await tableCells();
    const fromApi = rows.flatMap((row) => [
      [row.topic.slug, row.year, 'sessionCount', expectedCell(row, 'sessionCount')],
      [row.topic.slug, row.year, 'conferenceCount', expectedCell(row, 'conferenceCount')],
    ]);
    expect(cells).toHaveLength(7 * 2 * 2);
    expect([...cells].sort()).toEqual([...fromApi].sort());
    expect(await page.locator('#insights-table thead th[scope=colgroup]').allTextContents()).toEqual(
      [...new Set(rows.map((row) => row.topic.name))],
    );
    expect([...new Set(rows.map((row) => row.topic.name))].sort()).toEqual(['Leadership development', 'Professionalism and ethics']);
    expect(await page.locator('#insights-table tbody th[scope=row]').allTextContents()).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    expect(await page.locator('#insights-status').textContent()).toBe(
      'Showing 2 topics in Senior Management Service Conference, 2001–2007. Not documented, so unknown and left as gaps: 2001, 2002, 2003, 2004, 2005, 2006.',
    );

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    screenshotTaken = true;
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('drops the conference lines when they are toggled off, keeping them in the table, and keeps the view in the address', async () => {
    await page.getByLabel('Also plot conference counts (dashed lines)', { exact: true }).uncheck();
    await expect.poll(async () => (await drawn())?.datasets.map((dataset) => dataset.measure)).toEqual(['sessionCount', 'sessionCount']);
    const rows = await apiTimeline(CHOSEN);
    const shown = await drawn();
    expect({ labels: shown?.labels, known: shown?.known, datasets: shown?.datasets }).toEqual(expectedChart(rows, false));
    expect(await tableCell('professionalism-and-ethics', 2002, 'conferenceCount').textContent()).toBe('at least 1');

    const address = new URL(page.url());
    expect(address.pathname).toBe('/insights');
    expect(address.searchParams.getAll('topic').sort()).toEqual(['leadership-development', 'professionalism-and-ethics']);
    expect([address.searchParams.get('series'), address.searchParams.get('from'), address.searchParams.get('to'), address.searchParams.get('conferences')]).toEqual([
      'sms',
      '2001',
      '2007',
      '0',
    ]);

    // The address reopens the same view.
    await page.reload({ waitUntil: 'load' });
    await settledOn(CHOSEN);
    expect(await page.getByLabel('Also plot conference counts (dashed lines)', { exact: true }).isChecked()).toBe(false);
    expect((await drawn())?.datasets.map((dataset) => [dataset.topicSlug, dataset.data])).toEqual([
      ['leadership-development', [null, null, null, null, null, null, 5]],
      ['professionalism-and-ethics', [null, null, null, null, null, null, 0]],
    ]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('narrows the range with the year fields and refuses a range that runs backwards', async () => {
    await page.getByLabel('From year', { exact: true }).fill('2006');
    await page.getByLabel('From year', { exact: true }).press('Enter');
    await settledOn({ ...CHOSEN, fromYear: 2006 });
    expect((await drawn())?.labels).toEqual([2006, 2007]);
    expect(await page.locator('#insights-table tbody th[scope=row]').allTextContents()).toEqual(['2006', '2007']);

    await page.getByLabel('To year', { exact: true }).fill('2002');
    await page.getByLabel('To year', { exact: true }).press('Enter');
    await expect.poll(outputState).toBe('invalid');
    const status = page.locator('#insights-status');
    expect(await status.textContent()).toBe('From year 2006 is after to year 2002.');
    expect(await status.getAttribute('role')).toBe('alert');
    // The last good answer stays drawn.
    expect((await drawn())?.labels).toEqual([2006, 2007]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('would have caught a request to another host (the guard itself works)', async () => {
    const probe = await context.newPage();
    try {
      const outcome = await probe.evaluate(() => fetch('http://lekgotla-probe.invalid/x.js').then(() => 'loaded', () => 'refused'));
      expect(outcome).toBe('refused');
      expect(blocked).toEqual(['http://lekgotla-probe.invalid/x.js']);
    } finally {
      await probe.close();
    }
  });
});

describe('the insights page on a server with TRUSTED_DOCUMENTS=anonymous, in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** What the page sent to /graphql: each body's operation name and query text. */
  const sent: Array<{ operationName: unknown; query: unknown }> = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ environment: { TRUSTED_DOCUMENTS: 'anonymous' } }), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await blockNonLocalRequests(context);
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    page.on('request', (request) => {
      if (request.url() === `${app.url}/graphql`) {
        const body = request.postDataJSON() as { operationName?: unknown; query?: unknown };
        sent.push({ operationName: body.operationName, query: body.query });
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses a timeline query the manifest does not list, so the mode is on', async () => {
    const { status, body } = await app.post({ query: TIMELINE_QUERY, variables: CHOSEN });
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it('loads its topics and draws a timeline, sending only operations the manifest lists, word for word', async () => {
    const response = await page.goto(`${app.url}/insights`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('#insights-output').getAttribute('data-state'), { timeout: 10_000 }).toBe('empty');
    expect(await page.locator('#insights-topics input[type=checkbox][name=topic]').count()).toBe(23);

    await page.getByRole('checkbox', { name: 'Leadership development', exact: true }).check();
    await page.getByLabel('Series', { exact: true }).selectOption('sms');
    await page.getByLabel('From year', { exact: true }).fill('2001');
    await page.getByLabel('To year', { exact: true }).fill('2007');
    await page.getByRole('button', { name: 'Show timeline' }).click();
    await expect.poll(() => page.locator('#insights-output').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    // Leadership development came up in five sessions of the 2007 edition; the editions before are only referenced.
    const cell = (year: number) => page.locator(`#insights-table td[data-topic="leadership-development"][data-year="${year}"][data-measure="sessionCount"]`);
    expect(await cell(2007).textContent()).toBe('5');
    expect(await cell(2004).textContent()).toBe('unknown');
    expect(await page.locator('#insights-status').textContent()).toBe(
      'Showing 1 topic in Senior Management Service Conference, 2001–2007. Not documented, so unknown and left as gaps: 2001, 2002, 2003, 2004, 2005, 2006.',
    );

    const listed = new Set(Object.values(manifest as Record<string, string>));
    expect([...new Set(sent.map((body) => body.operationName))].sort()).toEqual(['InsightsOptions', 'InsightsTimeline']);
    for (const body of sent) expect(listed.has(body.query as string), `${String(body.operationName)} is sent as the manifest lists it`).toBe(true);
    expect(problems).toEqual([]);
  });
});
