import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';

/** test-results/ is git-ignored; the pictures are for a person to look at: the built query with its answer, and the end state. */
const SCREENSHOT = fileURLToPath(new URL('../test-results/ide-explorer.png', import.meta.url));
const END_SCREENSHOT = fileURLToPath(new URL('../test-results/ide-explorer-end.png', import.meta.url));

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const VARIABLES_EDITOR = 'section.graphiql-editor-tool[aria-label="Variables"] .graphiql-editor:not(.hidden) .CodeMirror';
const HEADERS_EDITOR = 'section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT_EDITOR = 'section.result-window .CodeMirror';
const COPY_LINK = 'button.lekgotla-copy-link';

/** What ticking conference → seriesSlug "sms", year 2007 → title, startDate in the explorer writes. */
const BUILT_QUERY = `query MyQuery {
  conference(seriesSlug: "sms", year: 2007) {
    title
    startDate
  }
}`;
const EXPECTED_ANSWER = { data: { conference: { title: 'Senior Management Service Conference 2007', startDate: '2007-09-12' } } };

/** The whole text of a CodeMirror 5 editor, including lines scrolled out of view. */
function editorText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector) as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return element?.CodeMirror?.getValue() ?? null;
  }, selector);
}

/** Replaces an editor's text as typing would: GraphiQL hears the change. */
function setEditorText(page: Page, selector: string, text: string): Promise<void> {
  return page.evaluate(
    ([selector, text]) => {
      const element = document.querySelector(selector) as (Element & { CodeMirror?: { setValue(value: string): void } }) | null;
      if (!element?.CodeMirror) throw new Error(`no editor at ${selector}`);
      element.CodeMirror.setValue(text);
    },
    [selector, text] as const,
  );
}

/** Runs the active tab and returns the parsed answer from the result pane. */
async function run(page: Page): Promise<unknown> {
  await setEditorText(page, RESULT_EDITOR, '');
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => editorText(page, RESULT_EDITOR), { timeout: 10_000 }).toMatch(/^\s*\{[\s\S]*\}\s*$/);
  return JSON.parse((await editorText(page, RESULT_EDITOR)) ?? 'null');
}

/** Clicks the copy-link button and returns the link it put on the clipboard. */
async function copyLink(page: Page): Promise<string> {
  await page.locator(COPY_LINK).click();
  await expect.poll(() => page.locator(COPY_LINK).getAttribute('aria-label')).toMatch(/^Link copied/);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('the IDE teaches the schema: a query built in the explorer, shared by link', () => {
  let app: TestApp;
  let browser: Browser;
  let researcher: BrowserContext;
  let page: Page;
  let blocked: string[];
  let editorKey: string;
  /** Everything that went wrong in any page: script errors, console errors (CSP refusals among them), failed requests. */
  const problems: string[] = [];

  async function openContext(): Promise<{ context: BrowserContext; blocked: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    context.setDefaultTimeout(5_000);
    // The first load parses GraphiQL's 3 MB bundle, slow on a busy machine; the steps after it are quick.
    context.setDefaultNavigationTimeout(30_000);
    context.on('page', (opened) => {
      opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      opened.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      opened.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
      opened.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
    });
    return { context, blocked: await blockNonLocalRequests(context) };
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    editorKey = await createApiKey(app.lekgotla.database.orm.em.fork(), 'ide-test-editor', Role.EDITOR);
    ({ context: researcher, blocked } = await openContext());
    page = await researcher.newPage();
  });

  afterAll(async () => {
    // Whatever state the page ended in, keep a picture of it for a person to look at.
    await page?.screenshot({ path: END_SCREENSHOT }).catch(() => {});
    await browser?.close();
    await app?.close();
  });

  it('opens at /playground, the address GraphQL Playground users type, with the explorer shown on a first visit', async () => {
    const response = await page.goto(`${app.url}/playground`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/graphql');
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => page.locator('.graphiql-explorer-root').isVisible()).toBe(true);
    await expect(page.locator('.doc-explorer-title').textContent()).resolves.toBe('Explorer');
    // The explorer lists the root fields from the schema, with their descriptions as tooltips.
    await expect(page.locator('[id^="query-"] > .graphiql-explorer-conference > [data-field-name="conference"]').getAttribute('title')).resolves.toBe(
      'One edition of a conference series, by the series slug and the year.',
    );
  });

  it('shows the Lekgotla icon, served by this server', async () => {
    await expect(page.locator('link[rel="icon"]').getAttribute('href')).resolves.toBe('/favicon.svg');
    const icon = await page.request.get(`${app.url}/favicon.svg`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 32 32">/);
    // Browsers and feed readers ask for /favicon.ico on their own: it points at the same icon.
    const ico = await page.request.get(`${app.url}/favicon.ico`, { maxRedirects: 0 });
    expect(ico.status()).toBe(301);
    expect(ico.headers()['location']).toBe('/favicon.svg');
  });

  it("builds a query from clicks in the explorer and runs it: the 2007 conference's title and start date", async () => {
    await page.locator('.graphiql-tab-add').click();
    const explorer = page.locator('.graphiql-explorer-root');
    const conference = explorer.locator('#query-MyQuery > .graphiql-explorer-conference');
    await conference.locator('> [data-field-name="conference"]').click();
    await conference.locator('[data-arg-name="seriesSlug"] input').fill('sms');
    await conference.locator('[data-arg-name="year"] input').fill('2007');
    await conference.locator('[data-field-name="title"]').click();
    await conference.locator('[data-field-name="startDate"]').click();
    await expect.poll(() => editorText(page, QUERY_EDITOR)).toBe(BUILT_QUERY);

    // A curator's key and an ordinary header: both are sent when running here.
    await page.locator('.graphiql-editor-tools button[data-name="headers"]').click();
    await setEditorText(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${editorKey}`, 'X-Client-Name': 'thesis-notebook' }));
    await page.locator('.graphiql-editor-tools button[data-name="variables"]').click();
    await setEditorText(page, VARIABLES_EDITOR, JSON.stringify({ note: 'the explorer wrote the arguments inline' }));

    await expect(run(page)).resolves.toEqual(EXPECTED_ANSWER);
    await page.screenshot({ path: SCREENSHOT });
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps the query, variables and headers in the address, but never the API key', async () => {
    const shared = new URL(page.url());
    const carried = new URLSearchParams(shared.hash.slice(1));
    expect(carried.get('query')).toBe(BUILT_QUERY);
    expect(JSON.parse(carried.get('variables') ?? 'null')).toEqual({ note: 'the explorer wrote the arguments inline' });
    expect(JSON.parse(carried.get('headers') ?? 'null')).toEqual({ 'X-Client-Name': 'thesis-notebook' });
    expect(page.url()).not.toContain(editorKey);
    expect(page.url()).not.toContain('Authorization');
  });

  it('copies the link, saying the key was left out, and another researcher opening it gets the same answer', async () => {
    const link = await copyLink(page);
    expect(link).toBe(page.url());
    await expect(page.locator(COPY_LINK).getAttribute('aria-label')).resolves.toBe(
      'Link copied without Authorization: whoever opens it adds their own',
    );

    const { context: colleague, blocked: colleagueBlocked } = await openContext();
    try {
      const opened = await colleague.newPage();
      await opened.goto(link, { waitUntil: 'load' });
      await opened.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 10_000 });
      await expect.poll(() => editorText(opened, QUERY_EDITOR)).toBe(BUILT_QUERY);
      expect(JSON.parse((await editorText(opened, VARIABLES_EDITOR)) ?? 'null')).toEqual({ note: 'the explorer wrote the arguments inline' });
      await opened.locator('.graphiql-editor-tools button[data-name="headers"]').click();
      expect(JSON.parse((await editorText(opened, HEADERS_EDITOR)) ?? 'null')).toEqual({ 'X-Client-Name': 'thesis-notebook' });
      await expect(run(opened)).resolves.toEqual(EXPECTED_ANSWER);
      expect(colleagueBlocked).toEqual([]);
    } finally {
      await colleague.close();
    }
    expect(problems).toEqual([]);
  });

  it("shares an example tab with its variables: a link to the topic question answers it the same way", async () => {
    await page.locator('.graphiql-tab-button', { hasText: 'WhoPresentedOnATopic' }).click();
    const link = await copyLink(page);
    expect(JSON.parse(new URLSearchParams(new URL(link).hash.slice(1)).get('variables') ?? 'null')).toEqual({
      topic: 'organisational-performance-management',
    });
    const opened = await researcher.newPage();
    await opened.goto(link, { waitUntil: 'load' });
    await opened.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 10_000 });
    const answer = (await run(opened)) as { data: { sessions: { nodes: Array<{ title: string }> } } };
    expect(answer.data.sessions.nodes.map((session) => session.title)).toContain('Organisational Performance Management');
    await opened.close();
    expect(problems).toEqual([]);
  });
});
