import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';

/** The example tabs the IDE opens with (src/server/ide-examples.ts), titled by GraphiQL after their operation names. */
const EXAMPLE_TABS = ['WhoPresentedOnATopic', 'RolesOfAPerson', 'TopicsOverTheYears', 'Search'];

/** test-results/ is git-ignored; the picture is for a person to look at. */
const SCREENSHOT = fileURLToPath(new URL('../test-results/ide.png', import.meta.url));

/** The whole text of a CodeMirror 5 editor, including lines scrolled out of view. */
function editorText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector) as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return element?.CodeMirror?.getValue() ?? null;
  }, selector);
}

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const VARIABLES_EDITOR = 'section.graphiql-editor-tool[aria-label="Variables"] .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT_EDITOR = 'section.result-window .CodeMirror';

describe('the GraphiQL IDE at GET /graphql, in headless Chromium with the internet blocked', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];
  /** Everything that went wrong in the page: script errors, console errors, failed or refused requests. */
  const problems: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    blocked = await blockNonLocalRequests(context);
    context.setDefaultTimeout(5_000);
    // The first load parses GraphiQL's 3 MB bundle, slow on a busy machine; the steps after it are quick.
    context.setDefaultNavigationTimeout(30_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    const response = await page.goto(`${app.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
  });

  afterAll(async () => {
    // Whatever state the page ended in, keep a picture of it for a person to look at.
    await page?.screenshot({ path: SCREENSHOT }).catch(() => {});
    await browser?.close();
    await app?.close();
  });

  it('renders the editor and the run button, loading nothing from outside', async () => {
    const rendered = await page
      .locator('.graphiql-execute-button')
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(() => true, () => false);
    expect(rendered, `the IDE did not render; the page reported: ${JSON.stringify(problems, null, 2)}`).toBe(true);
    await expect(page.title()).resolves.toBe('Lekgotla — GraphQL IDE');
    expect(await page.locator('[data-testid="graphiql-container"]').isVisible()).toBe(true);
    expect(await page.locator(QUERY_EDITOR).isVisible()).toBe(true);
    expect(await page.locator('.graphiql-execute-button').getAttribute('aria-label')).toMatch(/^Execute query/);
    expect(await page.locator('#graphiql').textContent()).not.toContain('Loading the IDE');
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("opens the researchers' example queries as tabs, the first one active with its variables", async () => {
    const titles = (await page.locator('.graphiql-tab .graphiql-tab-button').allTextContents()).map((title) => title.trim());
    expect(titles).toEqual(EXAMPLE_TABS);
    expect((await page.locator('.graphiql-tab-active .graphiql-tab-button').textContent())?.trim()).toBe('WhoPresentedOnATopic');

    const query = await editorText(page, QUERY_EDITOR);
    expect(query).toMatch(/^# Who presented on organisational performance management/);
    expect(query).toContain('query WhoPresentedOnATopic($topic: String!)');
    // The tab's variables must be in the editor too, or running the query fails for want of $topic.
    const variables = await editorText(page, VARIABLES_EDITOR);
    expect(JSON.parse(variables || 'null')).toEqual({ topic: 'organisational-performance-management' });
  });

  it('runs the first tab with the execute button and shows the answer in the result pane', async () => {
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => editorText(page, RESULT_EDITOR), { timeout: 10_000 })
      .toMatch(/^\s*\{[\s\S]*\}\s*$/);
    const text = (await editorText(page, RESULT_EDITOR)) ?? '';
    const result = JSON.parse(text) as {
      errors?: unknown;
      data?: { sessions: { nodes: Array<{ title: string; participants: Array<{ person: { displayName: string } }> }> } };
    };
    expect(result.errors, text).toBeUndefined();
    expect(result.data?.sessions.nodes.map((session) => session.title)).toContain('Organisational Performance Management');
    expect(text).toContain('Dr E Ijeoma');
    // And a person sees it: the result pane's rendered lines show the session's title.
    await expect.poll(() => page.locator('section.result-window').innerText()).toContain('Organisational Performance Management');
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('would have caught a request to another host (the guard itself works)', async () => {
    // A reserved name (RFC 2606) in a page of its own: the route aborts it before any lookup.
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
