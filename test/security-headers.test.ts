import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

describe('security headers on every route', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const routes: Array<[string, RequestInit]> = [
    ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topics { totalCount } }' }) }],
    ['/graphql?query=%7B%20topics%20%7B%20totalCount%20%7D%20%7D', { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } }],
    ['/graphql', { headers: { accept: 'text/html' } }],
    ['/ide/assets/graphiql.min.js', {}],
    ['/ide/ide.js', {}],
    ['/ide/assets/explorer.umd.js', {}],
    ['/ide/assets/explorer.css', {}],
    ['/favicon.svg', {}],
    ['/playground', { redirect: 'manual' }],
    ['/insights', {}],
    ['/insights/insights.js', {}],
    ['/curate', {}],
    ['/curate/curate.js', {}],
    ['/insights/operations.json', {}],
    ['/export/conferences.csv', {}],
    ['/healthz', {}],
    ['/no/such/page', {}],
    ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
  ];

  it.each(routes)('%s answers with nosniff, no framing and a Content-Security-Policy', async (path, init) => {
    const response = await fetch(`${app.url}${path}`, init);
    await response.arrayBuffer();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it("JSON, CSV, the icon and error answers may load nothing", async () => {
    // The SVG icon too: opened on its own, it is a document, and it runs and loads nothing.
    for (const path of ['/export/conferences.csv', '/insights/operations.json', '/no/such/page', '/favicon.svg']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'");
    }
  });

  it('the IDE page admits its own scripts and its one inline style, nothing from elsewhere', async () => {
    const response = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    const policy = response.headers.get('content-security-policy');
    expect(policy).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'; connect-src 'self'; /);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('GET answers of /graphql vary by Accept and Authorization, for shared caches', async () => {
    const json = await fetch(`${app.url}/graphql?query=%7B%20topics%20%7B%20totalCount%20%7D%20%7D`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('max-age=60, public');
    expect(json.headers.get('vary')).toBe('Accept, Authorization');
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('vary')).toBe('Accept, Authorization');
  });
});
