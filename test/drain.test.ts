import http from 'node:http';
import type { Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

type Exchange = { status: number; connection: string | undefined; body: unknown; socket: Socket };

/** A GraphQL POST over the agent's kept-alive connection. */
function exchange(url: string, agent: http.Agent, query: string): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      // Taken now: once the answer has been read, the agent takes the socket back.
      const socket = response.socket as Socket;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, connection: response.headers.connection, body: JSON.parse(text), socket }),
      );
    });
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}

describe('a server asked to stop while a slow request is in flight on a kept-alive connection', () => {
  let app: TestApp;
  let blocker: pg.Client;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    app = await startTestApp();
    blocker = new pg.Client({ connectionString: app.lekgotla.database.orm.config.get('clientUrl') });
    await blocker.connect();
  });
  afterAll(() => {
    agent.destroy();
  });

  it('finishes that request, closes the connection cleanly after it, and only then stops the database', async () => {
    const warm = await exchange(app.url, agent, '{ topics { totalCount } }');
    expect(warm.status).toBe(200);
    const socket = warm.socket;
    const socketErrors: Error[] = [];
    socket.on('error', (error) => socketErrors.push(error));
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

    // Another session holds the topic table, so the next request waits in the database until it lets go.
    await blocker.query('begin');
    await blocker.query('lock table topic in access exclusive mode');
    const slow = exchange(app.url, agent, '{ topic(slug: "internal-audit") { name } }');
    await eventually(async () => {
      const waiting = await blocker.query("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
      expect(waiting.rows[0].n).toBe(1);
    }, 5000);

    const stopped = app.close();
    // The server stops taking connections at once…
    await eventually(async () => {
      await expect(fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    }, 5000);
    // …while the request in flight still has its database.
    const orm = app.lekgotla.database.orm;
    expect(await orm.isConnected()).toBe(true);
    await blocker.query('rollback');
    // Stopping drops the test's database, which would cut this session.
    await blocker.end();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { topic: { name: 'Internal audit' } } });
    expect(answer.socket).toBe(socket);
    // The client is told not to send more on this connection, which then ends without a reset.
    expect(answer.connection).toBe('close');
    await socketClosed;
    expect(socketErrors).toEqual([]);
    await stopped;
    expect(await orm.isConnected()).toBe(false);
  });
});
