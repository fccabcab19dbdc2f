import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { graphql } from './generated/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';

/** test-results/ is git-ignored; the picture is for a person to look at. */
const SCREENSHOT = fileURLToPath(new URL('../test-results/curate.png', import.meta.url));

/**
 * A made-up event page that restates the 2007 SMS conference, which the seed
 * knows from its own two sources, and adds a third day the seed does not
 * know. Its venue differs from the curated one. Line numbers are the page's.
 */
const PAGE_NAME = 'SMS 2007 event page (restated).txt';
const SOURCE_KEY = 'sms-2007-event-page-restated';
const PAGE = [
  'Senior management service conference 2007', // 1
  '',
  'Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement', // 3
  '',
  'Date: 12 Sep 2007 - 14 Sep 2007', // 5
  '',
  'Venue: Cape Town International Convention Centre, Cape Town', // 7
  '',
  'Day 1 – Wednesday, 12 September 2007', // 9
  '',
  'Day 2 – Thursday, 13 September 2007', // 11
  '',
  'Day 3 – Friday, 14 September 2007', // 13
  '',
  'Chairperson: Ms N Dube: Chief Director, Department of Public Service and Administration (DPSA)', // 15
  '',
  '  • Plenary: Report-back from the commissions', // 17
  '',
  'Date: 31 September 2007', // 19
  '',
].join('\n');

const CuratePageEdition = graphql(`
  query CuratePageEdition {
    conference(seriesSlug: "sms", year: 2007) {
      title
      venue {
        name
        city
      }
      claims {
        field
        value
        heldValue
        status
        excerpt
        importId
        createdBy
        source {
          key
        }
      }
      series {
        name
      }
      days {
        number
        date
        chair {
          person {
            displayName
          }
          position {
            title
          }
        }
      }
      sources {
        key
      }
    }
  }
`);

const CuratePageHistory = graphql(`
  query CuratePageHistory($importId: String!) {
    changes(importId: $importId, first: 100) {
      totalCount
      nodes {
        actor
        action
        recordType
        changedFields
        importId
      }
    }
  }
`);

/** A table's rows as the editor reads them, one array of cell texts per row. */
const rowsOf = (page: Page, selector: string) =>
  page.locator(`${selector} tbody tr`).evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => (cell as HTMLElement).innerText.trim())));

describe('the import review page at GET /curate, in headless Chromium with the internet blocked', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];
  let editorKey: string;
  let screenshotTaken = false;
  /** Everything that went wrong in the page: script errors, console errors (CSP violations among them), failed requests. */
  const problems: string[] = [];
  /** GraphQL answers that were not 200: the wrong key's 401 is expected once, nothing else. */
  const refusals: string[] = [];

  const sectionState = (id: string) => page.locator(`#${id}`).getAttribute('data-state');
  const status = () => page.locator('#curate-status').textContent();

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    editorKey = await createApiKey(app.lekgotla.database.orm.em.fork(), 'alice', Role.EDITOR);
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    blocked = await blockNonLocalRequests(context);
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every answer with an error status; those are counted in `refusals` instead.
      if (message.text().startsWith('Failed to load resource: the server responded with a status of')) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) refusals.push(`HTTP ${response.status()}: ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
  });

  afterAll(async () => {
    if (!screenshotTaken) await page?.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => {});
    await browser?.close();
    await app?.close();
  });

  it('serves the page and its script as written, under a policy that admits nothing from elsewhere', async () => {
    const response = await fetch(`${app.url}/curate`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'self'; style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    const html = await response.text();
    expect(html).toContain('<script src="/curate/curate.js"></script>');
    expect(html).not.toMatch(/<script>|https?:\/\//);
    const script = await fetch(`${app.url}/curate/curate.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(await script.text()).toBe(readFileSync(fileURLToPath(new URL('../src/curate-page/curate.js', import.meta.url)), 'utf8'));
  });

  it('refuses an unknown key, then signs the editor in with theirs and keeps it for the tab only', async () => {
    await page.goto(`${app.url}/curate`, { waitUntil: 'load' });
    await expect(page.title()).resolves.toBe('Lekgotla — Import review');
    expect(await page.locator('#curate-page-section').isHidden()).toBe(true);

    await page.getByLabel('API key', { exact: true }).fill('lk_not-a-key-anyone-was-given');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(status, { timeout: 5_000 }).toBe('UNAUTHENTICATED: The API key is unknown or revoked');
    expect(await page.locator('#curate-status').getAttribute('role')).toBe('alert');
    expect(refusals).toEqual(['HTTP 401: POST /graphql']);

    await page.getByLabel('API key', { exact: true }).fill(editorKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(status, { timeout: 5_000 }).toBe("Signed in. Upload or paste a page's text, then draft it.");
    expect(await page.locator('#curate-signed-in').textContent()).toBe(`Signed in with key ${editorKey.slice(0, 10)}…`);
    expect(await page.evaluate(() => [window.sessionStorage.getItem('lekgotla.curate.key'), window.localStorage.length])).toEqual([editorKey, 0]);
    // A reload keeps the session; the key field stays empty.
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('#curate-page-section').isVisible()).toBe(true);
    expect(await page.getByLabel('API key', { exact: true }).isHidden()).toBe(true);
  });

  it("drafts an uploaded page and highlights each fact's source line", async () => {
    await page.getByLabel("Upload the page's text", { exact: true }).setInputFiles({ name: PAGE_NAME, mimeType: 'text/plain', buffer: Buffer.from(PAGE, 'utf8') });
    await expect.poll(() => page.getByLabel('Source key', { exact: true }).inputValue()).toBe(SOURCE_KEY);
    await page.getByRole('button', { name: 'Draft it' }).click();
    await expect.poll(() => sectionState('curate-draft-section'), { timeout: 15_000 }).toBe('ready');
    expect(await status()).toBe('Drafted 13 facts; 1 line not understood. Review them, then check what the import would change.');

    // The page's 20 lines, numbered; those a fact cites are marked, and the one not understood.
    expect(await page.locator('#curate-lines li').count()).toBe(20);
    expect(await page.locator('#curate-lines li.cited').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-line'))))).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17]);
    expect(await page.locator('#curate-lines li.unparsed').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-line'))))).toEqual([19]);
    expect(await page.locator('#curate-unparsed tbody tr').allInnerTexts()).toEqual(['19\tDate: 31 September 2007\tfits nothing in the programme']);

    // Choosing a fact marks its line.
    const chair = page.locator('#curate-facts tbody tr', { hasText: 'Ms N Dube as CHAIRPERSON of Day 3' });
    await chair.click();
    expect(await page.locator('#curate-lines li.focus').evaluateAll((items) => items.map((item) => item.getAttribute('data-line')))).toEqual(['15']);
    expect(await page.locator('#curate-lines li.focus .text').textContent()).toBe(
      'Chairperson: Ms N Dube: Chief Director, Department of Public Service and Administration (DPSA)',
    );
    expect(await page.locator('#curate-corpus').inputValue()).toContain(`key: ${SOURCE_KEY}`);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows every change as a field-level diff and every conflict, writing nothing', async () => {
    await page.getByRole('button', { name: 'Check what the import would change' }).click();
    await expect.poll(() => sectionState('curate-report-section'), { timeout: 15_000 }).toBe('ready');
    expect(await status()).toBe('The import would make 23 changes and finds 3 conflicts. Decide each, then apply the import.');

    const DUBE = 'line 15: Chairperson: Ms N Dube: Chief Director, Department of Public Service and Administration (DPSA)';
    const changes = await rowsOf(page, '#curate-changes');
    // Fields of records the import creates come with them; a known record's fields may be left out.
    expect(changes.filter((row) => row[0] === 'apply')).toEqual([
      ['apply', 'ConferenceDay sms 2007 day 1', 'date', '—', '2007-09-12', 'line 9: Day 1 – Wednesday, 12 September 2007'],
      ['apply', 'ConferenceDay sms 2007 day 2', 'date', '—', '2007-09-13', 'line 11: Day 2 – Thursday, 13 September 2007'],
    ]);
    expect(changes).toContainEqual(['with the source', 'Conference sms 2007', 'sources', '["sms-2007-event-page","sms-2007-media-statement"]', `["sms-2007-event-page","sms-2007-media-statement","${SOURCE_KEY}"]`, 'line 1: Senior management service conference 2007']);
    expect(changes).toContainEqual(['new record', 'Person dube-n', 'displayName', '—', 'Ms N Dube', DUBE]);
    expect(changes).toContainEqual(['new record', 'Position dube-n: Chief Director at dpsa', 'title', '—', 'Chief Director', DUBE]);
    expect(changes).toContainEqual(['new record', 'Session sms 2007 day-3-plenary', 'title', '—', 'Report-back from the commissions', 'line 17: • Plenary: Report-back from the commissions']);
    // The source's whole text is cut in the table, and kept whole in the cell's title.
    const text = changes.find((row) => row[1] === `Source ${SOURCE_KEY}` && row[2] === 'text')!;
    expect(text[4]).toBe(`${PAGE.slice(0, 160)}… (${PAGE.length} characters)`);

    const CHOICES = 'keep known\n accept the page’s\n decide later';
    // The import cites a record's first line for each of its fields (the merge rules' provenance), so the venue points at line 1.
    expect(await rowsOf(page, '#curate-conflicts')).toEqual([
      [CHOICES, 'ConferenceSeries sms', 'name', 'Senior Management Service Conference', 'Senior management service conference', 'line 1: Senior management service conference 2007'],
      [CHOICES, 'Conference sms 2007', 'title', 'Senior Management Service Conference 2007', 'Senior management service conference 2007', 'line 1: Senior management service conference 2007'],
      [CHOICES, 'Conference sms 2007', 'venueName', 'Cape Sun Hotel', 'Cape Town International Convention Centre', 'line 1: Senior management service conference 2007'],
    ]);
    expect(await page.locator('#curate-records tbody tr[data-record-type="ConferenceDay"]').innerText()).toBe('ConferenceDay\t1\t2\t0');
    expect(await page.locator('#curate-identities tbody tr[data-input-key="dpsa"]').innerText()).toMatch(/^ORGANISATION\tdpsa\tKNOWN\tdpsa\t/);

    // A dry run: the knowledge base is as it was.
    const edition = await app.graphql(CuratePageEdition, {});
    expect(edition.data?.conference?.days.map((day) => [day.number, day.date])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(edition.data?.conference?.claims).toEqual([]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('applies the import with the editor’s decisions in one go, and the API answers as decided', async () => {
    // Leave out one change, keep the known venue (the rejected conflict), leave the two title conflicts for later.
    await page.locator('#curate-changes tr', { hasText: 'ConferenceDay sms 2007 day 2' }).getByRole('checkbox').uncheck();
    await page.locator('#curate-conflicts tr', { hasText: 'venueName' }).getByRole('radio', { name: 'keep known' }).check();
    // The rows show the decisions: the date struck out, the page's venue struck out beside the known one.
    expect(await page.locator('#curate-changes tr.rejected').evaluateAll((rows) => rows.map((row) => row.children[1]!.textContent))).toEqual(['ConferenceDay sms 2007 day 2']);
    expect(await page.locator('#curate-conflicts tr.kept').evaluateAll((rows) => rows.map((row) => row.children[2]!.textContent))).toEqual(['venueName']);
    await page.getByRole('button', { name: 'Apply the import' }).click();
    await expect.poll(() => sectionState('curate-result-section'), { timeout: 15_000 }).toBe('ready');
    expect(await status()).toBe('Imported.');
    expect(await page.locator('#curate-result p').first().textContent()).toBe(
      'Imported in one transaction: 22 changes made, 1 left out; 0 conflicts accepted, 1 kept as known, 2 left open.',
    );
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    screenshotTaken = true;

    const edition = await app.graphql(CuratePageEdition, {});
    expect(edition.errors).toBeUndefined();
    const conference = edition.data!.conference!;
    // The curated answers stand: title, series name and venue.
    expect([conference.title, conference.series.name, conference.venue]).toEqual([
      'Senior Management Service Conference 2007',
      'Senior Management Service Conference',
      { name: 'Cape Sun Hotel', city: 'Cape Town' },
    ]);
    expect(conference.days.map((day) => [day.number, day.date, day.chair?.person.displayName, day.chair?.position?.title])).toEqual([
      [1, '2007-09-12', 'Ms C Clark', 'Deputy Director-General'],
      [2, null, 'Dr M Singh', 'Deputy Commissioner'],
      [3, '2007-09-14', 'Ms N Dube', 'Chief Director'],
    ]);
    expect(conference.sources.map((source) => source.key)).toEqual(['sms-2007-event-page', 'sms-2007-media-statement', SOURCE_KEY]);
    // The page's values are kept as claims, with their citation: the venue as decided, the title still open.
    const importId = new URL(await page.locator('#curate-history-link').evaluate((link) => (link as HTMLAnchorElement).href)).searchParams.get('import')!;
    expect(conference.claims).toEqual([
      { field: 'title', value: 'Senior management service conference 2007', heldValue: 'Senior Management Service Conference 2007', status: 'OPEN', excerpt: 'Senior management service conference 2007', importId, createdBy: 'alice', source: { key: SOURCE_KEY } },
      { field: 'venueName', value: 'Cape Town International Convention Centre', heldValue: 'Cape Sun Hotel', status: 'KEPT', excerpt: 'Senior management service conference 2007', importId, createdBy: 'alice', source: { key: SOURCE_KEY } },
    ]);

    // The history names the import, and its link on the page shows it.
    const history = await app.graphql(CuratePageHistory, { importId });
    expect(history.errors).toBeUndefined();
    const records = history.data!.changes.nodes.map((change) => [change.action, change.recordType]).sort();
    expect(records).toEqual([
      ['CREATE', 'ConferenceDay'],
      ['CREATE', 'Participation'],
      ['CREATE', 'Person'],
      ['CREATE', 'Position'],
      ['CREATE', 'Session'],
      ['CREATE', 'Source'],
      ['UPDATE', 'Conference'],
      ['UPDATE', 'ConferenceDay'],
    ]);
    expect(new Set(history.data!.changes.nodes.map((change) => [change.actor, change.importId].join(' ')))).toEqual(new Set([`alice ${importId}`]));

    await page.locator('#curate-history-link').click();
    await expect.poll(() => sectionState('curate-history-section'), { timeout: 15_000 }).toBe('ready');
    expect(new URL(page.url()).search).toBe(`?import=${importId}`);
    expect(await page.locator('#curate-history p').textContent()).toBe(`Import ${importId}: 8 records created or changed.`);
    expect((await rowsOf(page, '#curate-history-changes')).map((row) => [row[1], row[2], row[3]]).sort()).toEqual(
      records.map(([action, recordType]) => ['alice', action, recordType]).sort(),
    );
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    expect(refusals).toEqual(['HTTP 401: POST /graphql']);
  });
});
