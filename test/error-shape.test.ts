import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

type Answer = { status: number; contentType: string | null; body: unknown; text: string };

describe('every failure answers JSON in the one error shape, without internals', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  async function send(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${app.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(text), text };
  }

  const postJson = (body: string, contentType = 'application/json') =>
    send('/graphql', { method: 'POST', headers: { 'content-type': contentType }, body });

  function expectNoInternals(answer: Answer) {
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|[a-z]:\\|\.js:\d+|stack/i);
  }

  it('malformed JSON: 400 BAD_REQUEST', async () => {
    const answer = await postJson('{"query": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ message: 'The request body is not a JSON object', extensions: { code: 'BAD_REQUEST' } }] });
    expectNoInternals(answer);
  });

  it('a JSON string or number instead of an object: 400 BAD_REQUEST', async () => {
    for (const scalar of ['"{ topics { totalCount } }"', '42', 'null']) {
      const answer = await postJson(scalar);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: [{ message: 'The request body is not a JSON object', extensions: { code: 'BAD_REQUEST' } }] });
      expectNoInternals(answer);
    }
  });

  it('charset=latin1: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const answer = await postJson('{"query":"{ topics { totalCount } }"}', 'application/json; charset=latin1');
    expect(answer.status).toBe(415);
    expect(answer.body).toEqual({
      errors: [{ message: 'The request body must be UTF-8; charset "latin1" is not supported', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
    });
    expectNoInternals(answer);
  });

  it('a 10 MB body: 413 PAYLOAD_TOO_LARGE, naming the limit', async () => {
    const answer = await postJson(JSON.stringify({ query: '{ topics { totalCount } }', variables: { padding: 'a'.repeat(10 * 1024 * 1024) } }));
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ errors: [{ message: 'The request body is larger than 100 KB', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expectNoInternals(answer);
  });

  it('GET /ide/assets/__proto__ and other names of no file: 404 NOT_FOUND', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'nothing.js']) {
      const answer = await send(`/ide/assets/${name}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ errors: [{ message: `Nothing is served at GET /ide/assets/${name}`, extensions: { code: 'NOT_FOUND' } }] });
      expectNoInternals(answer);
    }
  });

  it('a path nothing serves: 404 NOT_FOUND', async () => {
    const answer = await send('/no/such/page', { method: 'DELETE' });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: [{ message: 'Nothing is served at DELETE /no/such/page', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('an export asked for wrongly answers in the same shape', async () => {
    const answer = await send('/export/sessions.csv?fromYear=2008&toYear=2007');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [{ message: 'fromYear: 2008 is after toYear 2007', extensions: { code: 'BAD_USER_INPUT', parameter: 'fromYear' } }],
    });
  });

  it('a well-formed request is still answered after all of these', async () => {
    const { status, body } = await app.post({ query: '{ topic(slug: "internal-audit") { name } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { topic: { name: 'Internal audit' } } });
  });
});
