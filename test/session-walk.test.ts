import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicSessionsWalk } from '../src/read/session-walk.js';
import { connectToTestDatabase } from './support/databases.js';

/**
 * The read floor lists a topic's sessions one of three ways, chosen in SQL
 * from how many sessions the topic has against how many the page needs
 * (src/read/session-walk.ts): joined and sorted, walked edition by edition
 * testing each session against the topic's sessions hashed, or walked
 * probing session_topic's index. All three must read the same page.
 */
describe("the ways through a topic's sessions", () => {
  let database: Awaited<ReturnType<typeof connectToTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await connectToTestDatabase(inject('serverUrl'));
    client = database.client;
    // The choice reads the planner's count of sessions: 8 in the seed.
    await client.query('analyze "session"');
  });
  afterAll(() => database.close());

  const topic = '(select tp.id from topic tp where tp.slug = $1::text)';
  const walk = topicSessionsWalk(topic, { hashable: true });
  const joined = '"session" s join conference c on c.id = s.conference_id';

  it('reads the same page joined, walked with the hash and walked with probes', async () => {
    const page = (from: string) => `select s.ref from ${from}
      where exists (select 1 from session_topic st where st.session_id = s.id and st.topic_id = ${topic}) and c.year >= 2007
      order by c.year, c.id, s.ordinal, s.id limit 10`;
    const pages = await Promise.all([joined, ...walk.ways].map(async (from) => (await client.query<{ ref: string }>(page(from), ['leadership-development'])).rows.map((row) => row.ref)));
    expect(pages).toHaveLength(3);
    for (const refs of pages) {
      expect(refs).toEqual(['day-1-round-table', 'day-1-commission-2', 'day-1-commission-3', 'day-1-gala-dinner', 'day-2-round-table']);
    }
  });

  it("chooses by the topic's 10 links (5 sessions, each linked as curated and as automatic) against 8 sessions in all: probes for a page of 1, the hash for 13, the join for 40", async () => {
    const way = async (wanted: number) => (await client.query<{ way: number }>(`select ${walk.choose!(String(wanted))} as way`, ['leadership-development'])).rows[0]!.way;
    // Walk from ceil(√(wanted × 8 ÷ 3)) links (2, 6, 11), hash below ceil(√(wanted × 8)) (3, 11, 18).
    expect([await way(1), await way(13), await way(40)]).toEqual([2, 1, 0]);
  });

  it('never hashes a topic that is not the same for every row', () => {
    const correlated = topicSessionsWalk('t.id', { hashable: false });
    expect(correlated.ways).toHaveLength(1);
    expect(correlated.ways[0]).not.toContain(' in (select');
  });
});
