import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { startTestApp, type TestApp } from './support/app.js';

const ConferenceTitle = graphql(`
  query ConferenceTitle($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      title
      documentation
    }
  }
`);

describe('a server started on an empty database', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ emptyDatabase: true });
  });
  afterAll(() => app.close());

  it('reports itself up on /healthz, and on /readyz its database and change notifications, each up', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({
      status: 'ready',
      dependencies: {
        database: { status: 'up', required: true, since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
        notifications: { status: 'up', required: false, since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      },
    });
  });

  it('migrated the schema and loaded the seed corpus at first start', async () => {
    const response = await app.graphql(ConferenceTitle, { series: 'sms', year: 2007 });
    expect(response.errors).toBeUndefined();
    expect(response.data?.conference).toEqual({
      title: 'Senior Management Service Conference 2007',
      documentation: 'DOCUMENTED',
    });
  });
});
