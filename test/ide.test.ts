import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from './support/app.js';
import { blockNonLocalRequests, launchBrowser } from './support/browser.js';

describe('explore', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  it('explores', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked = await blockNonLocalRequests(context);
    await page.route(`${app.url}/graphql`, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      let html = await response.text();
      const cfg = html.match(/<script type="application\/json" id="ide-config">[\s\S]*?<\/script>/)![0];
      html = html.replace(cfg, '').replace('<script src="/ide/ide.js">', cfg + '\n  <script src="/ide/ide.js">');
      await route.fulfill({ response, body: html });
    });
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    page.on('requestfailed', (r) => console.log('FAILED', r.url(), r.failure()?.errorText));
    page.on('request', (r) => console.log('REQ', r.method(), r.url()));
    await page.goto(`${app.url}/graphql`);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: 'test-results/explore.png' });
    console.log('BLOCKED', blocked);
    require('fs').writeFileSync('test-results/dom.html', await page.content());
    await page.click('.graphiql-execute-button');
    await page.waitForTimeout(2000);
    await page.screenshot({ path: 'test-results/explore2.png' });
    require('fs').writeFileSync('test-results/dom2.html', await page.content());
    await page.reload();
    await page.waitForTimeout(2000);
    await page.screenshot({ path: 'test-results/explore3.png' });
  });
});
