import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedExamples } from './support/markdown-examples.js';
import { startTestApp, type TestApp } from './support/app.js';
import { benchShapes, searches, wholeSurface, type EquivalenceQuery } from './read-equivalence.queries.js';

/**
 * The answers of the resolver-per-field read path, recorded from a server
 * at commit 4626d9e (the last before the read floor), one response body per
 * query. The read floor must give every one of them byte for byte: same
 * values, same key order, same errors. Answers changed since, by design:
 * two documented examples grew fields (topicTimeline's known and
 * documentation, compareConferences's comparable, knownSimilarity and
 * reason), answered by resolvers, which the read floor did not compile then,
 * so they were re-recorded from that same resolver path when the fields were
 * added; and in "topics with every field", `missing: topic(slug:
 * "no-such-topic")` is now a NOT_FOUND error naming the nearest known slug,
 * its data unchanged. Examples added to the documents later are recorded as
 * they are added (the cookbook's name initials and unknown topic slug), once
 * both paths agree; so are the queries added when topicTimeline,
 * compareConferences and changes were compiled, recorded from the resolver
 * path (sent there by an introspection field beside them, taken off the
 * answer) before the read floor answered them, and queries of fields added
 * later (participations and the position filters, activity orders and
 * facets: answered by both paths alike when recorded). Search was answered by
 * its resolver on both paths until the read floor compiled it: "coaches OR
 * pipelines" was re-recorded when search took in the topic taxonomy (the same
 * hits, the commission one place lower), and again when a word that finds
 * something stopped being widened to its topic (the commission two places
 * higher); the four recipes of forgiving search were recorded as they were
 * added; the `searches` were recorded from the resolver path before the read
 * floor compiled search.
 */
const recorded = new URL('./fixtures/read-equivalence/answers.json', import.meta.url);

const documented = async (file: string): Promise<EquivalenceQuery[]> =>
  (await documentedExamples(new URL(`../${file}`, import.meta.url))).map((example) => ({
    // Named by the query itself, which stays while the document around it grows.
    name: `${file}: ${example.query.replace(/\s+/g, ' ').trim()}`,
    query: example.query,
  }));

const queries = [...benchShapes, ...wholeSurface, ...searches, ...(await documented('docs/queries.md')), ...(await documented('README.md'))];

async function answerText(app: TestApp, { query, variables }: EquivalenceQuery): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.text();
}

describe('the read floor answers as the resolver-per-field read path did', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each(queries.map((query) => [query.name, query] as const))('%s', async (name, query) => {
    const answers = JSON.parse(await readFile(recorded, 'utf8')) as Record<string, string>;
    expect(await answerText(app, query)).toBe(answers[name]);
  });
});

describe('the read floor answers the nested bench shapes in one statement', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app.close());

  it.each(benchShapes.slice(0, 3).map((query) => [query.name, query] as const))('%s', async (_name, query) => {
    const answer = JSON.parse(await answerText(app, query)) as { errors?: unknown; extensions: { sqlStatements: number } };
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions.sqlStatements).toBe(1);
  });
});

describe('the read floor answers searches: their plans, then one statement', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true', RESPONSE_CACHE: 'off' } });
  });
  afterAll(() => app.close());

  // Each search reads its plan in one statement, two when a word needed help (corrected or widened); the answer is
  // one more, for all the operation's fields. The resolvers would also load the records hit, a batch for each kind.
  const statements: Record<string, number> = {
    'shape 4: search': 2,
    'search: every kind of hit through inline fragments, a union fragment and aliases': 2,
    'search: a second page by cursor with its count and pageInfo, a page past the end, and the default page': 3 + 1,
    'search: misspelt names corrected': 3 * 2 + 1,
    'search: a word of the topic taxonomy widened to its synonyms': 2 + 1,
    'search: phrases, exclusions and words that must all be there': 3 + 1,
    'search: narrowed by types': 3 + 1,
  };

  it.each([benchShapes[3]!, ...searches].map((query) => [query.name, query] as const))('%s', async (name, query) => {
    const answer = JSON.parse(await answerText(app, query)) as { errors?: unknown; extensions: { sqlStatements: number } };
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions.sqlStatements).toBe(statements[name]);
  });
});
