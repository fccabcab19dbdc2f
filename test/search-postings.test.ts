import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { connectToTestDatabase } from './support/databases.js';

/**
 * Search ranks common words from postings (migration search_postings): per
 * kind of hit, each lexeme of its documents with the hit's score for that
 * lexeme alone, and the number of hits per lexeme. Triggers keep them; these
 * tests check them against the documents themselves, recomputed here.
 */

/** Each kind of hit and the documents it is found by (a conference also by its objectives, a session also by its context). */
const DOCUMENTS: Record<string, string> = {
  conference: 'select id, search_document from conference union all select conference_id, search_document from objective',
  session: 'select id, search_document from session union all select session_id, search_document from search_context_session',
  position: 'select position_id as id, search_document from search_document_position',
  person: 'select id, search_document from person',
  organisation: 'select id, search_document from organisation',
  source: 'select id, search_document from source',
};

/** For each kind: postings that differ from the documents (either way), and lexemes whose count is not their number of postings. */
async function driftOf(client: pg.ClientBase): Promise<Record<string, { postings: number; counts: number }>> {
  const drift: Record<string, { postings: number; counts: number }> = {};
  for (const [kind, documents] of Object.entries(DOCUMENTS)) {
    const expected = `select l.lexeme, d.id, max(ts_rank(d.search_document, lekgotla_lexeme_query(l.lexeme))) as score
                        from (${documents}) d, unnest(d.search_document) l group by l.lexeme, d.id`;
    const stored = `select lexeme, id, score from search_posting_${kind}`;
    const postings = await client.query<{ count: number }>(
      `select count(*)::int as count from ((${expected} except ${stored}) union all (${stored} except ${expected})) as differing`,
    );
    const counts = await client.query<{ count: number }>(
      `select count(*)::int as count from (
         select coalesce(c.lexeme, p.lexeme) from (select lexeme, sum(hits) as hits from search_count_${kind} group by lexeme) c
           full join (select lexeme, count(*) as hits from search_posting_${kind} group by lexeme) p on p.lexeme = c.lexeme
          where coalesce(c.hits, 0) <> coalesce(p.hits, 0)) as wrong`,
    );
    drift[kind] = { postings: postings.rows[0]!.count, counts: counts.rows[0]!.count };
  }
  return drift;
}

const NO_DRIFT = {
  conference: { postings: 0, counts: 0 },
  session: { postings: 0, counts: 0 },
  position: { postings: 0, counts: 0 },
  person: { postings: 0, counts: 0 },
  organisation: { postings: 0, counts: 0 },
  source: { postings: 0, counts: 0 },
};

let database: Awaited<ReturnType<typeof connectToTestDatabase>>;
let client: pg.Client;
beforeAll(async () => {
  database = await connectToTestDatabase(inject('serverUrl'));
  client = database.client;
});
afterAll(async () => {
  await database?.close();
});

// Each test changes the corpus inside a transaction that is rolled back.
beforeEach(() => client.query('begin'));
afterEach(() => client.query('rollback'));

const idsWith = async (kind: string, lexeme: string) =>
  (await client.query<{ id: number }>(`select id from search_posting_${kind} where lexeme = $1 order by id`, [lexeme])).rows.map((row) => row.id);

describe('search postings', () => {
  it('hold every lexeme of the seed corpus, scored as ts_rank scores it alone, and count them', async () => {
    expect(await driftOf(client)).toEqual(NO_DRIFT);
    // "Organisational Performance Management" (Commission 1) among the sessions with "management", stemmed.
    const commission1 = (await client.query<{ id: number }>(`select id from session where ref = 'day-1-commission-1'`)).rows[0]!.id;
    expect(await idsWith('session', 'manag')).toContain(commission1);
  });

  it('follow a session whose title changes: the new word finds it, the word it lost no longer does', async () => {
    const { rows } = await client.query<{ id: number }>(
      `update session set title = 'Zanzibar Gala Evening' where ref = 'day-1-gala-dinner' returning id`,
    );
    const gala = rows[0]!.id;
    expect(await idsWith('session', 'zanzibar')).toEqual([gala]);
    expect(await idsWith('session', 'dinner')).not.toContain(gala);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });

  it('follow a conference through its objectives: deleted, changed, and its own theme rewritten', async () => {
    const conference = (await client.query<{ id: number }>(`select id from conference where year = 2007`)).rows[0]!.id;
    await client.query(`delete from objective where id = (select min(id) from objective where conference_id = $1)`, [conference]);
    await client.query(`update objective set text = 'Quokka welfare across the public service' where id = (select max(id) from objective where conference_id = $1)`, [conference]);
    await client.query(`update conference set theme = 'Narwhal leadership' where id = $1`, [conference]);
    expect(await idsWith('conference', 'quokka')).toEqual([conference]);
    expect(await idsWith('conference', 'narwhal')).toEqual([conference]);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });

  it('lose every posting of a deleted record', async () => {
    // "Women in Leadership - SMS Women's Forum", the one session with "women".
    const { rows } = await client.query<{ id: number }>(`delete from session where ref = 'day-1-commission-3' returning id`);
    expect(rows).toHaveLength(1);
    expect(await idsWith('session', 'women')).toEqual([]);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });

  it('stay as they are when an update leaves the documents alone: no count changes are written', async () => {
    const before = (await client.query<{ count: number }>('select count(*)::int as count from search_count_session')).rows[0]!.count;
    await client.query(`update session set ordinal = ordinal + 100`);
    const after = (await client.query<{ count: number }>('select count(*)::int as count from search_count_session')).rows[0]!.count;
    expect(after).toBe(before);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });

  it("follow a session's context: who takes part, under which name, for which organisation", async () => {
    // Commission 4 has no one recorded; Prof R M Levin presented elsewhere on day 2.
    const session = (await client.query<{ id: number }>(`select id from session where ref = 'day-1-commission-4'`)).rows[0]!.id;
    expect(await idsWith('session', 'levin')).not.toContain(session);
    await client.query(
      `insert into participation (person_id, role, session_id, ordinal, position_id)
       select p.id, 'PRESENTER', $1, 1, (select min(po.id) from position po where po.person_id = p.id) from person p where p.display_name = 'Prof R M Levin'`,
      [session],
    );
    expect(await idsWith('session', 'levin')).toContain(session);
    await client.query(`update person set display_name = 'Prof R M Levinsky', aliases = '{}' where display_name = 'Prof R M Levin'`);
    expect(await idsWith('session', 'levin')).toEqual([]);
    expect(await idsWith('session', 'levinsky')).toContain(session);
    await client.query(`delete from participation where session_id = $1`, [session]);
    expect(await idsWith('session', 'levinsky')).not.toContain(session);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });

  it("follow a position's organisation when it is renamed", async () => {
    const dpsa = (await client.query<{ id: number }>(`select id from organisation where acronym = 'DPSA'`)).rows[0]!.id;
    const positions = (await client.query<{ id: number }>(`select id from position where organisation_id = $1 order by id`, [dpsa])).rows.map((row) => row.id);
    expect(positions.length).toBeGreaterThan(0);
    await client.query(`update organisation set name = 'Department of Quokka Affairs' where id = $1`, [dpsa]);
    expect(await idsWith('position', 'quokka')).toEqual(positions);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });

  it("follow a session's topics: linked to coaching and mentoring, it is found by the topic's words", async () => {
    // The gala dinner says nothing of coaching; "mentorship" is widened to "coaching" and "mentoring" when searched.
    const gala = (await client.query<{ id: number }>(`select id from session where ref = 'day-1-gala-dinner'`)).rows[0]!.id;
    expect(await idsWith('session', 'mentor')).toEqual([]);
    await client.query(
      `insert into session_topic (topic_id, origin, evidence, session_id)
       select id, 'CURATED', 'editorial: a test link', $1 from topic where slug = 'coaching-and-mentoring'`,
      [gala],
    );
    expect(await idsWith('session', 'mentor')).toEqual([gala]);
    expect(await idsWith('session', 'coach')).toEqual([gala]);
    expect(await driftOf(client)).toEqual(NO_DRIFT);
  });
});

