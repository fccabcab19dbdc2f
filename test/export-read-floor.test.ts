import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { conferencesCsv } from '../src/export/conferences-csv.js';
import { SessionKind } from '../src/entities/enums.js';
import { ExportInputError } from '../src/export/errors.js';
import { sessionsCsv } from '../src/export/sessions-csv.js';
import { readThroughFloor } from '../src/export/read-floor.js';
import { topicTimelineCsv } from '../src/export/timeline-csv.js';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * The exports read through the read floor, as the API does: a file and an
 * API answer come from the same compiled statement and cannot disagree, and
 * a query the read floor does not compile is refused rather than read some
 * other way.
 */

let app: TestApp;
const em = () => app.lekgotla.database.orm.em.fork();
const records = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('exports through the read floor', () => {
  it('answers an export query as the API answers it', async () => {
    const query = '{ conference(seriesSlug: "sms", year: 2007) { title days { number subTheme } topics { slug } } }';
    expect(await readThroughFloor(em(), query)).toEqual(await api(query));
  });

  it('refuses a query the read floor does not compile, naming why', async () => {
    await expect(readThroughFloor(em(), '{ search(query: "leadership") { totalCount } }')).rejects.toThrow(
      "the read floor does not compile an export's query (no SQL for Query.search)",
    );
  });

  it("gives conferences.csv the API's editions, each with the API's topics", async () => {
    const rows = records(await conferencesCsv(em()));
    const { conferences } = await api<{ conferences: { nodes: Array<{ id: string; year: number; topics: Array<{ name: string }> }> } }>(
      '{ conferences(first: 100) { nodes { id year topics { name } } } }',
    );
    expect(rows.map((row) => row.year)).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    for (const row of rows) {
      const conference = conferences.nodes.find((node) => node.id === row.conference_id)!;
      expect(row.topics).toBe(conference.topics.length === 0 && row.topics_known === 'false' ? 'unknown' : conference.topics.map((topic) => topic.name).join('; '));
    }
  });

  it("gives topic-timeline.csv the API's topicTimeline rows", async () => {
    const rows = records(await topicTimelineCsv(em(), { topicSlugs: ['leadership-development'], seriesSlug: 'sms', fromYear: 2006, toYear: 2007 }));
    expect(rows).toEqual([
      { topic_slug: 'leadership-development', topic_name: 'Leadership development', year: '2006', session_count: '', conference_count: '', known: 'false', documentation: 'REFERENCED' },
      { topic_slug: 'leadership-development', topic_name: 'Leadership development', year: '2007', session_count: '5', conference_count: '1', known: 'true', documentation: 'DOCUMENTED' },
    ]);
  });

  it("gives sessions.csv each session's programme place as the API's Session.ordinal, read on both paths alike", async () => {
    const query = '{ sessions(first: 100, filter: { kind: COMMISSION }) { nodes { id ordinal number } } }';
    const compiled = await api<{ sessions: { nodes: Array<{ id: string; ordinal: number; number: number }> } }>(query);
    const resolved = await api<{ __type: unknown; sessions: unknown }>(throughResolvers(query));
    expect(resolved.sessions).toEqual(compiled.sessions);
    expect(compiled.sessions.nodes.find((node) => node.number === 1)?.ordinal).toBe(2);
    const rows = records(await sessionsCsv(em(), { kind: SessionKind.COMMISSION }));
    for (const row of rows) {
      expect(Number(row.session_ordinal)).toBe(compiled.sessions.nodes.find((node) => node.id === row.session_id)!.ordinal);
    }
  });

  it('refuses sessions.csv for a topic slug no topic has, as the API does', async () => {
    const refused = sessionsCsv(em(), { topicSlug: 'no-such-topic' });
    await expect(refused).rejects.toBeInstanceOf(ExportInputError);
    await expect(refused).rejects.toThrow('topicSlug: no topic has the slug "no-such-topic"');
  });
});
