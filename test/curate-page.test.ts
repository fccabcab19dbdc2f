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
  'Day 3 – Friday, 14 September 2007', // 9
  '',
  'Chairperson: Ms N Dube: Chief Director, Department of Public Service and Administration (DPSA)', // 11
  '',
  '  • Plenary: Report-back from the commissions', // 13
  '',
  'Date: 31 September 2007', // 15
  '',
].join('\n');

const CuratePageEdition = graphql(`
  query CuratePageEdition {
    conference(seriesSlug: "sms", year: 2007) {
      venue {
        name
        city
      }
      days {
        number
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
    expect(await status()).toBe('Drafted 11 facts; 1 line not understood. Review them, then check what the import would change.');

    // The page's 16 lines, numbered; those a fact cites are marked, and the one not understood.
    expect(await page.locator('#curate-lines li').count()).toBe(16);
    expect(await page.locator('#curate-lines li.cited').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-line'))))).toEqual([1, 3, 5, 7, 9, 11, 13]);
    expect(await page.locator('#curate-lines li.unparsed').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-line'))))).toEqual([15]);
    expect(await page.locator('#curate-unparsed tbody tr').allInnerTexts()).toEqual(['15\tDate: 31 September 2007\tfits nothing in the programme']);

    // Choosing a fact marks its line.
    const chair = page.locator('#curate-facts tbody tr', { hasText: 'Ms N Dube as CHAIRPERSON of Day 3' });
    await chair.click();
    expect(await page.locator('#curate-lines li.focus').evaluateAll((items) => items.map((item) => item.getAttribute('data-line')))).toEqual(['11']);
    expect(await page.locator('#curate-lines li.focus .text').textContent()).toBe(
      'Chairperson: Ms N Dube: Chief Director, Department of Public Service and Administration (DPSA)',
    );
    expect(await page.locator('#curate-corpus').inputValue()).toContain(`key: ${SOURCE_KEY}`);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reports what the import would change without writing anything', async () => {
    await page.getByRole('button', { name: 'Check what the import would change' }).click();
    await expect.poll(() => sectionState('curate-report-section'), { timeout: 15_000 }).toBe('ready');
    expect(await page.locator('#curate-records tbody tr[data-record-type="ConferenceDay"]').innerText()).toBe('ConferenceDay\t1\t0\t0');
    expect(await page.locator('#curate-identities tbody tr[data-input-key="dpsa"]').innerText()).toMatch(/^ORGANISATION\tdpsa\tKNOWN\tdpsa\t/);
    const edition = await app.graphql(CuratePageEdition, {});
    expect(edition.data?.conference?.days.map((day) => day.number)).toEqual([1, 2]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('applies the import, and the API answers with the new day', async () => {
    await page.getByRole('button', { name: 'Apply the import' }).click();
    await expect.poll(() => sectionState('curate-result-section'), { timeout: 15_000 }).toBe('ready');
    expect(await status()).toBe('Imported.');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    screenshotTaken = true;

    const edition = await app.graphql(CuratePageEdition, {});
    expect(edition.errors).toBeUndefined();
    expect(edition.data?.conference?.days.map((day) => [day.number, day.chair?.person.displayName, day.chair?.position?.title])).toEqual([
      [1, 'Ms C Clark', 'Deputy Director-General'],
      [2, 'Dr M Singh', 'Deputy Commissioner'],
      [3, 'Ms N Dube', 'Chief Director'],
    ]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    expect(refusals).toEqual(['HTTP 401: POST /graphql']);
  });
});
