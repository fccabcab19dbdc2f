import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { connectToTestDatabase } from './support/databases.js';

/**
 * Each topic's sessions in programme order, kept by triggers beside the
 * links (src/db/topic-programme-sql.ts): the read floor pages a topic's
 * sessions from it, so it must follow every change of the links, of a
 * session's edition or place, and of an edition's year. Each test writes in
 * a transaction it rolls back.
 */
describe("a topic's programme", () => {
  let database: Awaited<ReturnType<typeof connectToTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await connectToTestDatabase(inject('serverUrl'));
    client = database.client;
  });
  afterAll(() => database.close());
  beforeEach(() => client.query('begin'));
  afterEach(() => client.query('rollback'));

  /** The topic's sessions as the programme's index lists them, each with its keys. */
  async function programme(topic: string): Promise<string[]> {
    const { rows } = await client.query<{ entry: string }>(
      `select concat_ws(' ', s.ref, p.edition_year, p.conference_id, p.session_ordinal) as entry
         from topic_programme p join "session" s on s.id = p.session_id
        where p.topic_id = (select id from topic where slug = $1)
        order by p.edition_year, p.conference_id, p.session_ordinal, p.session_id`,
      [topic],
    );
    return rows.map((row) => row.entry);
  }

  const link = (origin: string, ref: string, topic: string) =>
    `insert into session_topic (topic_id, session_id, origin, evidence)
     select t.id, s.id, '${origin}', 'test' from topic t, "session" s where t.slug = '${topic}' and s.ref = '${ref}'`;
  const unlink = (origin: string, ref: string, topic: string) =>
    `delete from session_topic st using topic t, "session" s
      where st.topic_id = t.id and st.session_id = s.id and t.slug = '${topic}' and s.ref = '${ref}' and st.origin = '${origin}'`;

  it('holds each of the seed topic\'s five sessions once, though each has a curated and an automatic link, in programme order', async () => {
    expect(await programme('leadership-development')).toEqual([
      'day-1-round-table 2007 1 0',
      'day-1-commission-2 2007 1 3',
      'day-1-commission-3 2007 1 4',
      'day-1-gala-dinner 2007 1 6',
      'day-2-round-table 2007 1 7',
    ]);
    const { rows } = await client.query<{ links: number; pairs: number }>(
      'select (select count(*)::int from session_topic) as links, (select count(*)::int from topic_programme) as pairs',
    );
    expect(rows[0]).toEqual({ links: 19, pairs: 10 });
  });

  it('keeps a session while one link to the topic remains, and drops it with the last', async () => {
    await client.query(unlink('CURATED', 'day-1-gala-dinner', 'leadership-development'));
    expect(await programme('leadership-development')).toContain('day-1-gala-dinner 2007 1 6');
    await client.query(unlink('AUTOMATIC', 'day-1-gala-dinner', 'leadership-development'));
    expect(await programme('leadership-development')).not.toContain('day-1-gala-dinner 2007 1 6');
    expect(await programme('leadership-development')).toEqual([
      'day-1-round-table 2007 1 0',
      'day-1-commission-2 2007 1 3',
      'day-1-commission-3 2007 1 4',
      'day-2-round-table 2007 1 7',
    ]);
  });

  it('adds a newly linked session in its place', async () => {
    await client.query(link('CURATED', 'day-1-breakaway-commissions', 'leadership-development'));
    expect((await programme('leadership-development')).slice(0, 3)).toEqual([
      'day-1-round-table 2007 1 0',
      'day-1-breakaway-commissions 2007 1 1',
      'day-1-commission-2 2007 1 3',
    ]);
  });

  it('moves a link whose topic changes, keeping the old pair while its other link remains', async () => {
    const retopic = (origin: string) =>
      client.query(`update session_topic st set topic_id = (select id from topic where slug = 'women-in-leadership')
                     where st.origin = '${origin}' and st.session_id = (select id from "session" where ref = 'day-1-round-table')
                       and st.topic_id = (select id from topic where slug = 'leadership-development')`);
    await retopic('CURATED');
    expect(await programme('leadership-development')).toContain('day-1-round-table 2007 1 0');
    expect(await programme('women-in-leadership')).toEqual(['day-1-round-table 2007 1 0', 'day-1-commission-3 2007 1 4']);
    await retopic('AUTOMATIC');
    expect(await programme('leadership-development')).not.toContain('day-1-round-table 2007 1 0');
    expect(await programme('women-in-leadership')).toEqual(['day-1-round-table 2007 1 0', 'day-1-commission-3 2007 1 4']);
  });

  it("follows a session to its new place and to another edition", async () => {
    await client.query(`update "session" set ordinal = -1 where ref = 'day-2-round-table'`);
    expect((await programme('leadership-development'))[0]).toBe('day-2-round-table 2007 1 -1');
    const { rows } = await client.query<{ id: number }>(`select id from conference where year = 2005`);
    await client.query(`update "session" set conference_id = $1, ordinal = 0 where ref = 'day-1-gala-dinner'`, [rows[0]!.id]);
    expect((await programme('leadership-development'))[0]).toBe(`day-1-gala-dinner 2005 ${rows[0]!.id} 0`);
  });

  it("moves an edition's sessions in every topic when its year is corrected", async () => {
    await client.query(`update conference set year = 2008 where year = 2007`);
    expect(await programme('single-public-service')).toEqual(['day-1-commission-2 2008 1 3']);
    expect(await programme('leadership-development')).toEqual([
      'day-1-round-table 2008 1 0',
      'day-1-commission-2 2008 1 3',
      'day-1-commission-3 2008 1 4',
      'day-1-gala-dinner 2008 1 6',
      'day-2-round-table 2008 1 7',
    ]);
  });

  it('loses the sessions of a deleted topic and of a deleted session', async () => {
    await client.query(`delete from "session" where ref = 'day-1-commission-1'`);
    expect(await programme('service-delivery')).toEqual([]);
    await client.query(`delete from topic where slug = 'women-in-leadership'`);
    const { rows } = await client.query<{ pairs: number }>('select count(*)::int as pairs from topic_programme');
    expect(rows[0]!.pairs).toBe(6);
  });
});
