import express from 'express';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** test-results/ is git-ignored; the pictures are for a person to look at (INSIGHTS_SHOTS=folder puts them elsewhere). */
const SHOTS = process.env.INSIGHTS_SHOTS ?? fileURLToPath(new URL('../test-results/', import.meta.url));
const SCREENSHOT = path.join(SHOTS, 'insights.png');
const SCRIPTS = fileURLToPath(new URL('../src/insights/browser/', import.meta.url));

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
  datasets: Array<{ topicSlug: string; topicName: string; measure: Measure | 'sessionShare'; label: string; data: Array<number | null> }>;
};
/** What window.lekgotlaInsights holds beside the chart's data: the view, each line's style and the table as text. */
type Shown = Drawn & {
  mode: 'counts' | 'share';
  withConferences: boolean;
  styles: Array<{ colour: string; borderDash: number[]; pointStyle: string }>;
  table: string[][];
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

/**
 * What of the elements matching `selector` a reader cannot see at the page's
 * size, scrolling the page vertically only: each element's text, when the
 * element is not wholly inside the viewport or is cut by an ancestor that
 * clips (overflow other than visible). Also whether the page itself scrolls
 * sideways, which it must not.
 */
function unseen(page: Page, selector: string): Promise<{ pageScrollsSideways: boolean; unseen: string[] }> {
  return page.evaluate((selector) => {
    const unseen: string[] = [];
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const before = element.getBoundingClientRect();
      window.scrollTo(0, window.scrollY + before.top - window.innerHeight / 2);
      const rect = element.getBoundingClientRect();
      let cut = window.scrollX !== 0 || rect.left < 0 || rect.right > window.innerWidth || rect.top < 0 || rect.bottom > window.innerHeight;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = parent.getBoundingClientRect();
        if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5) cut = true;
      }
      if (cut || rect.width === 0) unseen.push(element.textContent!.trim());
    }
    window.scrollTo(0, 0);
    return { pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth, unseen };
  }, selector);
}

/**
 * How the table sits: its box's right edge against the viewport, whether the
 * box scrolls sideways (the table being wider), and where the first column
 * is once the box has scrolled all the way right (sticky: still at the box's left).
 */
function tableFit(page: Page) {
  return page.evaluate(() => {
    const box = document.getElementById('insights-table-box')!;
    const table = document.getElementById('insights-table')!;
    box.scrollIntoView({ block: 'start' });
    const fits = box.getBoundingClientRect().right <= window.innerWidth;
    const overflowX = getComputedStyle(box).overflowX;
    const wider = table.scrollWidth > box.clientWidth;
    box.scrollLeft = box.scrollWidth;
    const yearCell = box.querySelector('tbody th[scope=row]')!;
    // Within the box's 1 px border.
    const yearColumnStays = Math.abs(yearCell.getBoundingClientRect().left - box.getBoundingClientRect().left) <= 1;
    const scrolled = box.scrollLeft;
    box.scrollLeft = 0;
    window.scrollTo(0, 0);
    return { fits, overflowX, wider, scrolled: scrolled > 0, yearColumnStays };
  });
}

/** A downloaded file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

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

  const watch = (target: Page) => {
    target.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    target.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
      }
    });
    target.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    target.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
  };
  const shownOn = (target: Page) => target.evaluate(() => (window as unknown as { lekgotlaInsights?: Shown }).lekgotlaInsights ?? null);
  const shown = () => shownOn(page);
  const drawn = async (): Promise<Drawn | null> => {
    const all = await shown();
    return all && { variables: all.variables, labels: all.labels, known: all.known, datasets: all.datasets };
  };
  const outputState = (target: Page = page) => target.locator('#insights-output').getAttribute('data-state');
  /** The page's state once it has drawn the answer to `variables`. */
  const settledOn = async (variables: Drawn['variables'], target: Page = page) => {
    await expect
      .poll(async () => ({ state: await outputState(target), variables: (await shownOn(target))?.variables }), { timeout: 10_000 })
      .toEqual({ state: 'ready', variables });
  };
  const apiTimeline = async (variables: NonNullable<Drawn['variables']>): Promise<TimelineRow[]> => {
    const response = await app.post({ query: TIMELINE_QUERY, variables });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    return (response.body.data as { topicTimeline: TimelineRow[] }).topicTimeline;
  };
  /** Every count of a topic in the table's body, as [topic, year, measure, value]. */
  const tableCells = () =>
    page.locator('#insights-table tbody td[data-topic]').evaluateAll((cells) =>
      cells.map((cell) => [
        cell.getAttribute('data-topic'),
        Number(cell.getAttribute('data-year')),
        cell.getAttribute('data-measure'),
        cell.textContent,
      ]),
    );
  const tableCell = (topic: string, year: number | 'total', measure: Measure | 'sessionShare') =>
    page.locator(`#insights-table td[data-topic="${topic}"][data-year="${year}"][data-measure="${measure}"]`);
  const allSessionsCell = (year: number | 'total') => page.locator(`#insights-table td[data-measure="allSessions"][data-year="${year}"]`);
  /**
   * What Chart.js itself holds: per line its label, values, years (as nudged), style and whether it spans
   * gaps; with `pixels`, how many canvas pixels it painted (read once: Chromium warns of repeated readbacks).
   */
  const inChart = (pixels = false) =>
    page.evaluate((pixels) => {
      type Point = { x: number; y: number | null };
      type Dataset = { label: string; data: Point[]; spanGaps?: boolean; borderDash: number[]; pointStyle: string };
      const canvas = document.getElementById('insights-chart') as HTMLCanvasElement;
      const chart = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): { data: { labels: unknown[]; datasets: Dataset[] } } } }).Chart.getChart(canvas);
      let painted = 0;
      if (pixels) {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let index = 3; index < data.length; index += 4) if (data[index] !== 0) painted++;
      }
      return {
        labels: chart.data.labels,
        datasets: chart.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data.map((point) => point.y) })),
        xs: chart.data.datasets.map((dataset) => dataset.data.map((point) => point.x)),
        styles: chart.data.datasets.map((dataset) => ({ borderDash: dataset.borderDash, pointStyle: dataset.pointStyle })),
        spanGaps: chart.data.datasets.map((dataset) => dataset.spanGaps),
        painted,
        size: [canvas.clientWidth, canvas.clientHeight],
      };
    }, pixels);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    mkdirSync(SHOTS, { recursive: true });
    host = await startInsightsHost(app.url);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    blocked = await blockNonLocalRequests(context);
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    watch(page);
  });

  afterAll(async () => {
    // Whatever state the page ended in, keep a picture of it if the main test did not get to take one.
    if (!screenshotTaken) await page?.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => {});
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  it('serves the page, its script modules as written and Chart.js from the installed package', async () => {
    const pageResponse = await fetch(`${host.url}/insights`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toMatch(/^text\/html/);
    expect(pageResponse.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await pageResponse.text();
    expect(html).toContain('<script src="/insights/assets/chart.js"></script>');
    expect(html).toContain('<script type="module" src="/insights/insights.js"></script>');
    expect(html).not.toMatch(/<script>|<script type="module">|https?:\/\//);

    const modules = readdirSync(SCRIPTS).filter((name) => name.endsWith('.js')).sort();
    expect(modules).toEqual(['address.js', 'api.js', 'chart-view.js', 'downloads.js', 'insights.js', 'model.js', 'series-style.js', 'table-view.js']);
    for (const name of modules) {
      const script = await fetch(`${host.url}/insights/${name}`);
      expect(script.status, name).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^application\/javascript/);
      const text = await script.text();
      expect(text).toBe(readFileSync(path.join(SCRIPTS, name), 'utf8'));
      // Small modules, one job each.
      expect(text.split('\n').length, name).toBeLessThan(300);
    }
    expect((await fetch(`${host.url}/insights/no-such-module.js`)).status).toBe(404);

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
    await expect.poll(() => outputState(), { timeout: 10_000 }).toBe('empty');
    // 23 topics in the seed taxonomy, each a labelled checkbox; one series besides "All series".
    expect(await page.locator('#insights-topics input[type=checkbox][name=topic]').count()).toBe(23);
    expect(await page.getByRole('checkbox', { name: 'Professionalism and ethics', exact: true }).getAttribute('value')).toBe('professionalism-and-ethics');
    expect(await page.getByLabel('Series', { exact: true }).locator('option').allTextContents()).toEqual(['All series', 'Senior Management Service Conference']);
    expect(await drawn()).toEqual({ variables: { topicSlugs: [], seriesSlug: null, fromYear: null, toYear: null }, labels: [], known: [], datasets: [] });
    expect(await page.locator('#insights-status').textContent()).toBe('Choose one or more topics to draw their timeline.');
    expect(await page.getByRole('button', { name: 'Download table (CSV)', exact: true }).isDisabled()).toBe(true);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('draws sessions and conferences per year for two topics in the sms series, 2001–2007, exactly as topicTimeline answers, the referenced-only years as gaps and "unknown", with totals', async () => {
    await page.getByRole('checkbox', { name: 'Professionalism and ethics', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Leadership development', exact: true }).check();
    await page.getByLabel('Series', { exact: true }).selectOption('sms');
    await page.getByLabel('From year', { exact: true }).fill('2001');
    await page.getByLabel('To year', { exact: true }).fill('2007');
    await page.getByRole('button', { name: 'Show timeline' }).click();
    await settledOn(CHOSEN);

    // The API asked the very question the page asked.
    const shownNow = await drawn();
    const rows = await apiTimeline(shownNow!.variables!);
    expect({ labels: shownNow?.labels, known: shownNow?.known, datasets: shownNow?.datasets }).toEqual(expectedChart(rows, true));
    // Facts of the seed: leadership development in five 2007 sessions; professionalism at the 2007 edition, in no
    // session. 2001–2006 are only referenced: gaps, not zeros (the 2002 focus on professionalism included).
    expect(shownNow?.labels).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007]);
    expect(shownNow?.known).toEqual([false, false, false, false, false, false, true]);
    const gaps = [null, null, null, null, null, null];
    expect(shownNow?.datasets.map((dataset) => [dataset.topicSlug, dataset.measure, dataset.data])).toEqual([
      ['leadership-development', 'sessionCount', [...gaps, 5]],
      ['leadership-development', 'conferenceCount', [...gaps, 1]],
      ['professionalism-and-ethics', 'sessionCount', [...gaps, 0]],
      ['professionalism-and-ethics', 'conferenceCount', [...gaps, 1]],
    ]);

    // Chart.js itself holds the same numbers, each line nudged a little sideways of its year, and has painted them.
    const chart = await inChart(true);
    expect(chart.labels).toEqual(shownNow?.labels);
    expect(chart.datasets).toEqual(shownNow?.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })));
    for (const xs of chart.xs) expect(xs.map(Math.round)).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007]);
    expect(chart.xs.map((xs) => xs[6])).toEqual([2007 - 0.09, 2007 - 0.03, 2007 + 0.03, 2007 + 0.09].map((x) => expect.closeTo(x, 6)));
    // The axis names each year once, whole.
    expect(
      await page.evaluate(() => {
        const chart = (window as unknown as { Chart: { getChart(id: string): { scales: { x: { ticks: Array<{ label: string }> } } } } }).Chart.getChart('insights-chart');
        return chart.scales.x.ticks.map((tick) => tick.label);
      }),
    ).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    // Chart.js would join the points across a null unless told not to: the referenced years stay gaps.
    expect(chart.spanGaps).toEqual([false, false, false, false]);
    expect(chart.size[0]).toBeGreaterThan(300);
    expect(chart.size[1]).toBeGreaterThan(200);
    expect(chart.painted).toBeGreaterThan(5_000);
    // The legend beneath names every line.
    expect(await page.locator('#insights-legend li').allTextContents()).toEqual([
      'Leadership development — sessions',
      'Leadership development — conferences',
      'Professionalism and ethics — sessions',
      'Professionalism and ethics — conferences',
    ]);

    // The table: the same numbers, years × topics; a referenced year says what is unknown.
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
    expect(await page.locator('#insights-table thead th[scope=colgroup]').allTextContents()).toEqual(['Leadership development', 'Professionalism and ethics']);
    expect(await page.locator('#insights-table tbody th[scope=row]').allTextContents()).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    // All the year's sessions (the 2007 edition has eight), and totals over the documented years: the 2002 lower bound is not added in.
    expect(await allSessionsCell(2007).textContent()).toBe('8');
    expect(await allSessionsCell(2004).textContent()).toBe('unknown');
    expect(await tableCell('leadership-development', 'total', 'sessionCount').textContent()).toBe('5');
    expect(await tableCell('professionalism-and-ethics', 'total', 'conferenceCount').textContent()).toBe('1');
    expect(await allSessionsCell('total').textContent()).toBe('8');
    expect((await shown())?.table).toEqual([
      ['Year', 'Leadership development: Sessions', 'Leadership development: Conferences', 'Professionalism and ethics: Sessions', 'Professionalism and ethics: Conferences', 'All sessions'],
      ['2001', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
      ['2002', 'unknown', 'unknown', 'unknown', 'at least 1', 'unknown'],
      ['2003', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
      ['2004', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
      ['2005', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
      ['2006', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
      ['2007', '5', '1', '0', '1', '8'],
      ['Total, documented years', '5', '1', '0', '1', '8'],
    ]);
    expect(await page.locator('#insights-status').textContent()).toBe(
      'Showing 2 topics in Senior Management Service Conference, 2001–2007. Not documented, so unknown and left as gaps: 2001, 2002, 2003, 2004, 2005, 2006.',
    );
    expect(await page.locator('#insights-raw-data').getAttribute('href')).toBe(
      '/export/topic-timeline.csv?topicSlugs=leadership-development%2Cprofessionalism-and-ethics&seriesSlug=sms&fromYear=2001&toYear=2007',
    );
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('downloads the table as RFC 4180 CSV of exactly what is shown, and the chart as a PNG with its legend', async () => {
    const csv = await download(page, 'Download table (CSV)');
    expect(csv.name).toBe('lekgotla-topics-counts-sms-2001-2007.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Year,Leadership development: Sessions,Leadership development: Conferences,Professionalism and ethics: Sessions,Professionalism and ethics: Conferences,All sessions');
    expect(lines[2]).toBe('2002,unknown,unknown,unknown,at least 1,unknown');
    expect(lines[7]).toBe('2007,5,1,0,1,8');
    // The totals' label holds a comma, so it is quoted.
    expect(lines[8]).toBe('"Total, documented years",5,1,0,1,8');
    expect(lines.slice(9)).toEqual(['']);

    // The quoting itself, on fields a topic name or a future column could hold.
    // (A string, so that vitest leaves the page's import() alone.)
    const quoted = await page.evaluate(
      `import('/insights/downloads.js').then(({ csvDocument }) => csvDocument([['plain', 'a, b', 'say "hi"', 'two\\nlines', 'cr\\r']]))`,
    );
    expect(quoted).toBe('\uFEFFplain,"a, b","say ""hi""","two\nlines","cr\r"\r\n');

    const png = await download(page, 'Download chart (PNG)');
    expect(png.name).toBe('lekgotla-topics-counts-sms-2001-2007.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    writeFileSync(path.join(SHOTS, png.name), png.bytes);
    // IHDR: as wide as the chart on screen (device pixel ratio 1), taller by the title and the legend.
    const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
    const canvas = await page.locator('#insights-chart').evaluate((element) => [(element as HTMLCanvasElement).width, (element as HTMLCanvasElement).height]);
    expect(width).toBe(canvas[0]);
    expect(height).toBeGreaterThan(canvas[1] + 40);
    expect(problems).toEqual([]);
  });

  it('switches to each topic’s share of the year’s sessions, gaps and "unknown" kept, and back', async () => {
    await page.getByLabel('Share of the year’s sessions (%)', { exact: true }).check();
    await expect.poll(async () => (await shown())?.mode).toBe('share');
    const view = await shown();
    const gaps = [null, null, null, null, null, null];
    // Five of the 2007 edition's eight sessions are on leadership development: 62.5 %.
    expect(view?.datasets.map((dataset) => [dataset.topicSlug, dataset.measure, dataset.label, dataset.data])).toEqual([
      ['leadership-development', 'sessionShare', 'Leadership development — share of sessions (%)', [...gaps, 62.5]],
      ['professionalism-and-ethics', 'sessionShare', 'Professionalism and ethics — share of sessions (%)', [...gaps, 0]],
    ]);
    expect(view?.table).toEqual([
      ['Year', 'Leadership development: Share of sessions (%)', 'Professionalism and ethics: Share of sessions (%)', 'All sessions'],
      ['2001', 'unknown', 'unknown', 'unknown'],
      ['2002', 'unknown', 'unknown', 'unknown'],
      ['2003', 'unknown', 'unknown', 'unknown'],
      ['2004', 'unknown', 'unknown', 'unknown'],
      ['2005', 'unknown', 'unknown', 'unknown'],
      ['2006', 'unknown', 'unknown', 'unknown'],
      ['2007', '62.5', '0.0', '8'],
      ['Total, documented years', '62.5', '0.0', '8'],
    ]);
    expect(await tableCell('leadership-development', 2007, 'sessionShare').textContent()).toBe('62.5');
    const chart = await inChart();
    expect(chart.spanGaps).toEqual([false, false]);
    expect(await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(id: string): { options: { scales: { y: { title: { text: string } } } } } } }).Chart.getChart('insights-chart');
      return chart.options.scales.y.title.text;
    })).toBe('Share of the year’s sessions (%)');
    expect(await page.getByLabel('Also plot conference counts (counts view)', { exact: true }).isDisabled()).toBe(true);
    expect(new URL(page.url()).searchParams.get('view')).toBe('share');

    const csv = await download(page, 'Download table (CSV)');
    expect(csv.name).toBe('lekgotla-topics-share-sms-2001-2007.csv');
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Year,Leadership development: Share of sessions (%),Professionalism and ethics: Share of sessions (%),All sessions');
    expect(lines[7]).toBe('2007,62.5,0.0,8');
    expect(lines[8]).toBe('"Total, documented years",62.5,0.0,8');

    // Reloading the address reopens the share view as it was.
    await page.reload({ waitUntil: 'load' });
    await settledOn(CHOSEN);
    expect(await shown()).toEqual(view);
    expect(await page.getByLabel('Share of the year’s sessions (%)', { exact: true }).isChecked()).toBe(true);

    await page.getByLabel('Counts', { exact: true }).check();
    await expect.poll(async () => (await shown())?.mode).toBe('counts');
    expect(new URL(page.url()).searchParams.has('view')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('drops the conference lines when they are toggled off, keeping them in the table, and keeps the view in the address', async () => {
    await page.getByLabel('Also plot conference counts (counts view)', { exact: true }).uncheck();
    await expect.poll(async () => (await drawn())?.datasets.map((dataset) => dataset.measure)).toEqual(['sessionCount', 'sessionCount']);
    const rows = await apiTimeline(CHOSEN);
    const shownNow = await drawn();
    expect({ labels: shownNow?.labels, known: shownNow?.known, datasets: shownNow?.datasets }).toEqual(expectedChart(rows, false));
    expect(await tableCell('professionalism-and-ethics', 2002, 'conferenceCount').textContent()).toBe('at least 1');

    const address = new URL(page.url());
    expect(address.pathname).toBe('/insights');
    expect(address.search).toBe('?topic=leadership-development&topic=professionalism-and-ethics&series=sms&from=2001&to=2007&conferences=0');

    // The address reopens the same view.
    await page.reload({ waitUntil: 'load' });
    await settledOn(CHOSEN);
    expect(await page.getByLabel('Also plot conference counts (counts view)', { exact: true }).isChecked()).toBe(false);
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
    await expect.poll(() => outputState()).toBe('invalid');
    const status = page.locator('#insights-status');
    expect(await status.textContent()).toBe('From year 2006 is after to year 2002.');
    expect(await status.getAttribute('role')).toBe('alert');
    // The last good answer stays drawn.
    expect((await drawn())?.labels).toEqual([2006, 2007]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps two topics with the same counts every year apart: own dash, own point shape, side by side, all in one tooltip', async () => {
    const both = ['organisational-performance-management', 'performance-management'];
    await page.goto(`${host.url}/insights?topic=${both[0]}&topic=${both[1]}&series=sms&from=2001&to=2007`, { waitUntil: 'load' });
    await settledOn({ topicSlugs: both, seriesSlug: 'sms', fromYear: 2001, toYear: 2007 });
    const view = await shown();
    // One session and one edition each in 2007, unknown before: the same two lines twice.
    const gaps = [null, null, null, null, null, null];
    expect(view?.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Organisational performance management — sessions', [...gaps, 1]],
      ['Organisational performance management — conferences', [...gaps, 1]],
      ['Performance management — sessions', [...gaps, 1]],
      ['Performance management — conferences', [...gaps, 1]],
    ]);
    expect(view?.styles).toEqual([
      { colour: '#0072B2', borderDash: [], pointStyle: 'circle' },
      { colour: '#0072B2', borderDash: [10, 5], pointStyle: 'rect' },
      { colour: '#D55E00', borderDash: [3, 3], pointStyle: 'triangle' },
      { colour: '#D55E00', borderDash: [14, 4, 3, 4], pointStyle: 'rectRot' },
    ]);
    const chart = await inChart();
    expect(chart.styles).toEqual(view?.styles.map(({ borderDash, pointStyle }) => ({ borderDash, pointStyle })));
    expect(new Set(chart.xs.map((xs) => xs[6])).size).toBe(4);

    // Pointing at 2007 lists every line there, the year as the title.
    const tooltip = await page.evaluate(() => {
      type TooltipChart = {
        scales: { x: { getPixelForValue(value: number): number }; y: { getPixelForValue(value: number): number } };
        tooltip: { title: string[]; body: Array<{ lines: string[] }> };
      };
      const chart = (window as unknown as { Chart: { getChart(id: string): TooltipChart } }).Chart.getChart('insights-chart');
      const canvas = document.getElementById('insights-chart')!;
      canvas.scrollIntoView({ block: 'center' });
      const box = canvas.getBoundingClientRect();
      return { x: box.left + chart.scales.x.getPixelForValue(2007), y: box.top + chart.scales.y.getPixelForValue(1) };
    });
    await page.mouse.move(tooltip.x, tooltip.y);
    const listed = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(id: string): { tooltip: { title: string[]; body: Array<{ lines: string[] }> } } } }).Chart.getChart('insights-chart');
      return { title: chart.tooltip.title, lines: chart.tooltip.body.flatMap((item) => item.lines) };
    });
    expect(listed).toEqual({
      title: ['2007'],
      lines: [
        'Organisational performance management — sessions: 1',
        'Organisational performance management — conferences: 1',
        'Performance management — sessions: 1',
        'Performance management — conferences: 1',
      ],
    });
    expect(problems).toEqual([]);
  });

  it('opens an address with settings it does not know, leaving them out with a notice', async () => {
    await page.goto(`${host.url}/insights?topic=leadership-development&topic=no-such-topic&series=nope&from=20x7&view=pie&conferences=maybe&colour=red`, {
      waitUntil: 'load',
    });
    await settledOn({ topicSlugs: ['leadership-development'], seriesSlug: null, fromYear: null, toYear: null });
    expect(await page.locator('#insights-notice').textContent()).toBe(
      'The address asked for settings this page does not know; left out: topic "no-such-topic" (no such topic); series "nope" (no such series); ' +
        'from "20x7" (not a year between 1900 and 2100); view "pie" (counts or share); conferences "maybe" (0 or 1); "colour" (not a setting of this page).',
    );
    expect((await shown())?.mode).toBe('counts');
    expect(new URL(page.url()).search).toBe('?topic=leadership-development');
    expect(await tableCell('leadership-development', 2007, 'sessionCount').textContent()).toBe('5');
    expect(problems).toEqual([]);
  });

  it('shows every topic and the whole table at 1280 × 800, nothing cut sideways', async () => {
    await page.goto(`${host.url}/insights?series=sms&from=2001&to=2007`, { waitUntil: 'load' });
    await expect.poll(() => outputState(), { timeout: 10_000 }).toBe('empty');
    await page.getByRole('button', { name: 'All topics', exact: true }).click();
    await expect.poll(() => outputState(), { timeout: 10_000 }).toBe('ready');
    expect((await shown())?.variables?.topicSlugs).toHaveLength(23);
    expect(await unseen(page, '#insights-topics label')).toEqual({ pageScrollsSideways: false, unseen: [] });
    expect(await unseen(page, '#insights-legend li')).toEqual({ pageScrollsSideways: false, unseen: [] });
    expect(await page.locator('#insights-legend li').count()).toBe(46);
    // 23 topics × 2 measures do not fit 1280 px: the table scrolls inside its box, the year column staying put.
    expect(await tableFit(page)).toEqual({ fits: true, overflowX: 'auto', wider: true, scrolled: true, yearColumnStays: true });
    await page.screenshot({ path: path.join(SHOTS, 'insights-1280x800.png'), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS, 'insights-1280x800-viewport.png') });
    await page.getByLabel('Share of the year’s sessions (%)', { exact: true }).check();
    await expect.poll(async () => (await shown())?.mode).toBe('share');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    screenshotTaken = true;
    expect(problems).toEqual([]);
  });

  it('shows every topic and the whole table on a phone (390 × 844), nothing cut sideways', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await blockNonLocalRequests(phone);
    phone.setDefaultTimeout(5_000);
    const small = await phone.newPage();
    watch(small);
    try {
      // In the order of their checkboxes, by name, as the page asks.
      const topics = ['leadership-development', 'organisational-performance-management', 'professionalism-and-ethics', 'women-in-leadership'];
      await small.goto(`${host.url}/insights?${topics.map((slug) => `topic=${slug}`).join('&')}&series=sms&from=2001&to=2007`, { waitUntil: 'load' });
      await settledOn({ topicSlugs: topics, seriesSlug: 'sms', fromYear: 2001, toYear: 2007 }, small);
      expect(await unseen(small, '#insights-topics label')).toEqual({ pageScrollsSideways: false, unseen: [] });
      expect(await small.locator('#insights-topics label').count()).toBe(23);
      expect(await unseen(small, '#insights-legend li')).toEqual({ pageScrollsSideways: false, unseen: [] });
      expect(await unseen(small, '#insights-output .buttons > *')).toEqual({ pageScrollsSideways: false, unseen: [] });
      expect(await tableFit(small)).toEqual({ fits: true, overflowX: 'auto', wider: true, scrolled: true, yearColumnStays: true });
      await small.screenshot({ path: path.join(SHOTS, 'insights-390x844.png'), fullPage: true });
      await small.screenshot({ path: path.join(SHOTS, 'insights-390x844-viewport.png') });
      expect(problems).toEqual([]);
    } finally {
      await phone.close();
    }
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
    expect([...new Set(sent.map((body) => body.operationName))].sort()).toEqual(['InsightsOptions', 'InsightsSessionTotals', 'InsightsTimeline']);
    for (const body of sent) expect(listed.has(body.query as string), `${String(body.operationName)} is sent as the manifest lists it`).toBe(true);
    expect(problems).toEqual([]);
  });
});
