import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * A topic slug that names no topic is a NOT_FOUND error naming the slug and
 * the nearest known slugs, wherever a slug is an argument or a filter: an
 * empty answer would read as "nothing on this topic".
 */
const notFound = (slug: string, nearestSlugs: string[], argumentName: string, path: string[]) => ({
  message: `No topic has the slug "${slug}"; nearest known: ${nearestSlugs.map((known) => `"${known}"`).join(', ')}`,
  locations: [expect.any(Object)],
  path,
  extensions: { code: 'NOT_FOUND', argumentName, slug, nearestSlugs },
});

describe('an unknown topic slug', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app?.close());

  /** The body of the answer, the same through the read floor and the resolvers. */
  async function answer(query: string, variables?: Record<string, unknown>) {
    const compiled = await app.post({ query, variables });
    const resolved = await app.post({ query: throughResolvers(query), variables });
    expect(compiled.status).toBe(200);
    // The resolvers' query has a field more in front, so its locations differ.
    const located = (errors: unknown[] | undefined) => errors?.map((error) => ({ ...(error as object), locations: undefined }));
    expect(located(compiled.body.errors)).toEqual(located(resolved.body.errors));
    const { extensions: _statements, ...body } = compiled.body as typeof compiled.body & { extensions?: unknown };
    return body;
  }

  it('in topic(slug:), wrongly cased, names the slug it meant first', async () => {
    const body = await answer('{ topic(slug: "Internal-Audit") { name } }');
    expect(body).toEqual({ data: { topic: null }, errors: [notFound('Internal-Audit', ['internal-audit'], 'slug', ['topic'])] });
  });

  it('in a session filter, names the topic whose synonym it is', async () => {
    const body = await answer('query Sessions($slug: String) { sessions(filter: { topicSlug: $slug }) { totalCount } }', { slug: 'mentorship' });
    expect(body).toEqual({ data: null, errors: [notFound('mentorship', ['coaching-and-mentoring'], 'filter.topicSlug', ['sessions'])] });
  });

  it("in an edition's session filter", async () => {
    const body = await answer('{ conference(seriesSlug: "sms", year: 2007) { sessions(filter: { topicSlug: "leadership" }) { totalCount } } }');
    expect(body).toEqual({ data: { conference: null }, errors: [notFound('leadership', ['leadership-development', 'women-in-leadership'], 'filter.topicSlug', ['conference', 'sessions'])] });
  });

  it('in a conference filter', async () => {
    const body = await answer('{ conferences(filter: { topicSlug: "women-leadership" }) { totalCount } }');
    expect(body).toEqual({ data: null, errors: [notFound('women-leadership', ['women-in-leadership', 'leadership-development'], 'filter.topicSlug', ['conferences'])] });
  });

  it('in a person filter', async () => {
    const body = await answer('{ people(filter: { topicSlug: "ethics" }) { totalCount } }');
    expect(body).toEqual({ data: null, errors: [notFound('ethics', ['professionalism-and-ethics'], 'filter.topicSlug', ['people'])] });
  });

  it('among the slugs of a topic timeline, names the first unknown one', async () => {
    const body = await answer('{ topicTimeline(topicSlugs: ["internal-audit", "risk", "audit"]) { year } }');
    expect(body).toEqual({ data: null, errors: [notFound('risk', ['risk-management'], 'topicSlugs', ['topicTimeline'])] });
  });

  it('leaves known slugs answered in one statement', async () => {
    const { body } = await app.post({ query: '{ topic(slug: "internal-audit") { name } sessions(filter: { topicSlug: "internal-audit" }) { totalCount } }' });
    expect(body).toEqual({ data: { topic: { name: 'Internal audit' }, sessions: { totalCount: 0 } }, extensions: { sqlStatements: 1 } });
  });
});
