import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';
import { wholeSurface } from './read-equivalence.queries.js';

/**
 * The analysis and history roots on the read floor: topicTimeline,
 * compareConferences, changes and claims answer in one statement, as the
 * resolvers answer them byte for byte, including what the recorded answers of
 * test/read-equivalence.test.ts cannot hold (the times of this run's changes,
 * the claims only an editor may list), and never answer what the resolvers
 * refuse: claims without the EDITOR role.
 */

const CONFERENCE_2007 = Buffer.from('Conference:1').toString('base64');
const CONFERENCE_2002 = Buffer.from('Conference:3').toString('base64');
const SERIES = Buffer.from('ConferenceSeries:1').toString('base64');

const TIMELINE = `{
  topicTimeline(topicSlugs: ["leadership-development"], seriesSlug: "sms", fromYear: 2006, toYear: 2007) { year known documentation sessionCount topic { slug } }
}`;
const COMPARISON = `{
  compareConferences(leftId: "${CONFERENCE_2007}", rightId: "${CONFERENCE_2002}") { comparable knownSimilarity sharedTopics { slug } }
}`;
const CHANGES = `{
  changes(first: 2) { totalCount nodes { at action recordType } pageInfo { endCursor } }
  older: changes(last: 1) { nodes { at recordId } }
}`;
const CLAIMS = `query Claims($status: ClaimStatus) {
  claims(status: $status) {
    totalCount
    edges { cursor node { __typename id recordType recordId field value heldValue excerpt status importId createdAt createdBy decidedAt decidedBy source { key title } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
  paged: claims(status: $status, first: 1, after: "YXJyYXljb25uZWN0aW9uOjA=") { nodes { field value } pageInfo { hasPreviousPage endCursor } }
  node(id: "${SERIES}") { ... on ConferenceSeries { name claims { id field value status decidedAt source { key } } } }
  topic(slug: "leadership-development") { claims { field value createdAt } }
}`;

type Body = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }>; extensions?: { sqlStatements?: number } };

describe('topicTimeline, compareConferences, changes and claims on the read floor', () => {
  let app: TestApp;
  let editor: string;
  let admin: string;

  async function ask(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<{ text: string; body: Body }> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { text, body: JSON.parse(text) as Body };
  }

  /** The resolvers' answer to `query`, without the introspection field that sent it their way, nor the statement count. */
  async function resolversAnswer(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Body> {
    const { body } = await ask(throughResolvers(query), variables, key);
    if (body.data) delete body.data.__type;
    delete body.extensions;
    return body;
  }

  /** The read floor's answer, with the statement count taken off so that it compares with the resolvers'. */
  async function compiledAnswer(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<{ body: Body; statements: number | undefined }> {
    const { body } = await ask(query, variables, key);
    const statements = body.extensions?.sqlStatements;
    delete body.extensions;
    return { body, statements };
  }

  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
    const em = app.lekgotla.database.orm.em.fork();
    editor = await createApiKey(em, 'roots-editor', Role.EDITOR);
    admin = await createApiKey(em, 'roots-admin', Role.ADMIN);
    // Claims as imports leave them: one open on the series, one decided on a topic (at a time with microseconds), one without a source.
    await em.execute(
      `insert into claim (record_type, record_id, field, value, held_value, source_id, excerpt, status, import_id, created_at, created_by, decided_at, decided_by)
       values ('ConferenceSeries', 1, 'name', '"Senior management service conference"', '"Senior Management Service Conference"', 1,
               'Senior management service conference 2008', 'OPEN', '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', '2026-03-04 05:06:07.891234+00', 'roots-editor', null, null),
              ('Topic', 1, 'synonyms', '["leadership pipeline", {"n": 1.50, "b": true}]', null, null,
               null, 'KEPT', null, '2026-03-04 05:06:07+02', 'corpus-load', '2026-03-05 23:59:59.999999+00', 'roots-editor'),
              ('ConferenceSeries', 1, 'province', '"Gauteng"', 'null', null, null, 'OPEN', null, now(), 'roots-editor', null, null)`,
    );
  });
  afterAll(() => app.close());

  it.each([
    ['topicTimeline', TIMELINE],
    ['compareConferences', COMPARISON],
    ['changes, with the times of this run', CHANGES],
  ])('%s answers in one statement, as the resolvers do', async (_name, query) => {
    const compiled = await compiledAnswer(query);
    expect(compiled.body.errors).toBeUndefined();
    expect(compiled.statements).toBe(1);
    expect(JSON.stringify(compiled.body)).toBe(JSON.stringify(await resolversAnswer(query)));
  });

  // The recorded answers of test/read-equivalence.test.ts come from the read floor, not from a fallback to the resolvers.
  it.each(wholeSurface.filter(({ name }) => / with every field (and argument|but the time|: documented)/.test(name)).map((query) => [query.name, query] as const))(
    '%s: one statement',
    async (_name, { query, variables }) => {
      const compiled = await compiledAnswer(query, variables);
      expect(compiled.body.errors).toBeUndefined();
      expect(compiled.statements).toBe(1);
    },
  );

  it('changes give their times as DateTimeISO writes them: UTC, milliseconds', async () => {
    const { body } = await compiledAnswer(CHANGES);
    const at = (body.data as { changes: { nodes: Array<{ at: string }> } }).changes.nodes[0]!.at;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('an editor lists claims, open and decided, from the read floor, byte for byte as the resolvers list them', async () => {
    for (const status of [null, 'OPEN', 'KEPT', 'ACCEPTED']) {
      const compiled = await ask(CLAIMS, { status }, editor);
      const { body } = compiled;
      const statements = body.extensions?.sqlStatements;
      delete body.extensions;
      expect(body.errors).toBeUndefined();
      // One for the key, one for the answer.
      expect(statements).toBe(2);
      expect(JSON.stringify(body)).toBe(JSON.stringify(await resolversAnswer(CLAIMS, { status }, editor)));
    }
  });

  it('claims carry their values, times cut to milliseconds in UTC, and their sources as stored', async () => {
    const { body } = await ask(CLAIMS, { status: 'KEPT' }, admin);
    const data = body.data as {
      claims: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
      node: { claims: Array<{ field: string; status: string }> };
      topic: { claims: Array<{ field: string; value: unknown; createdAt: string }> };
    };
    expect(data.claims.totalCount).toBe(1);
    expect(data.claims.edges[0]!.node).toMatchObject({
      recordType: 'Topic',
      recordId: Buffer.from('Topic:1').toString('base64'),
      value: ['leadership pipeline', { b: true, n: 1.5 }],
      heldValue: null,
      status: 'KEPT',
      createdAt: '2026-03-04T03:06:07.000Z',
      decidedAt: '2026-03-05T23:59:59.999Z',
      decidedBy: 'roots-editor',
      source: null,
    });
    expect(data.node.claims.map(({ field, status }) => [field, status])).toEqual([
      ['name', 'OPEN'],
      ['province', 'OPEN'],
    ]);
    expect(data.topic.claims).toEqual([{ field: 'synonyms', value: ['leadership pipeline', { b: true, n: 1.5 }], createdAt: '2026-03-04T03:06:07.000Z' }]);
  });

  it('without a key, claims are refused, even when an editor asked the same query before', async () => {
    await ask(CLAIMS, { status: null }, editor);
    const anonymous = await ask(CLAIMS, { status: null });
    expect(anonymous.body.data).toBeNull();
    expect(anonymous.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it("a record's claims are public, as the resolvers answer them, in one statement", async () => {
    const query = `{ node(id: "${SERIES}") { ... on ConferenceSeries { claims { id field value heldValue status createdAt source { key } } } } }`;
    const compiled = await compiledAnswer(query);
    expect(compiled.statements).toBe(1);
    expect(JSON.stringify(compiled.body)).toBe(JSON.stringify(await resolversAnswer(query)));
    expect((compiled.body.data as { node: { claims: unknown[] } }).node.claims).toHaveLength(2);
  });
});
