import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

describe('the GraphQL over HTTP audit (graphql-http), as npm run audit:http runs it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('finds no MUST of the specification broken', async () => {
    const results = await auditServer({ url: `${app.url}/graphql` });
    const musts = results.filter((result) => result.name.startsWith('MUST'));
    const broken = musts.filter((result) => result.status !== 'ok').map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(broken).toEqual([]);
    expect(musts.length).toBe(13);
  });
});
