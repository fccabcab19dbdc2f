import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { Person } from '../src/entities/index.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { createLogger } from '../src/logger.js';
import { encodeRow } from '../src/synth/copy-format.js';
import { fingerprintSyntheticCorpus, type Fingerprint } from '../src/synth/fingerprint.js';
import { DEFAULT_SEED, figuresOf } from '../src/synth/generate.js';
import { loadSyntheticCorpus, SynthConflictError, type SynthLoadReport } from '../src/synth/load.js';
import { idBasesFromOne, IdSequence } from '../src/synth/ids.js';
import { buildOrganisations } from '../src/synth/organisations.js';
import { planScale } from '../src/synth/scale.js';
import { buildSeries } from '../src/synth/series.js';
import { TABLE_ORDER, type Figures } from '../src/synth/tables.js';
import { VENUES } from '../src/synth/vocabulary/places.js';
import { createTestDatabase } from './support/databases.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * The synthetic corpus at scale 0.01 (one series of 8 editions), loaded on
 * top of the seed corpus in fresh databases. The figures and fingerprints
 * below are what the generator gives for these seeds: a change to the
 * vocabularies or the generator changes them, and should (update them
 * deliberately, from the failure's "received").
 */
const SCALE = 0.01;
const OTHER_SEED = 1;

const FIGURES: Figures = {
  organisation: 96,
  conference_series: 1,
  person: 400,
  conference: 8,
  objective: 35,
  contact: 8,
  conference_day: 25,
  source: 8,
  conference_source: 8,
  session: 306,
  position: 289,
  participation: 1808,
  citation: 2204,
};

/** The one series at this scale and seed, and one of its editions. */
const SERIES = 'synth-department-of-health-management-indaba';
const YEAR = 2007;

type Loaded = { database: Database; drop: () => Promise<void>; report: SynthLoadReport; added: Figures; fingerprint: Fingerprint };

async function countRows(em: EntityManager): Promise<Figures> {
  const [counts] = await em.execute<Array<Record<string, number>>>(
    `select ${TABLE_ORDER.map((table) => `(select count(*) from "${table}")::int as "${table}"`).join(', ')}`,
  );
  return counts as Figures;
}

async function loadFresh(seed: number): Promise<Loaded> {
  const { url, drop } = await createTestDatabase(inject('serverUrl'));
  const database = await openDatabase(parseConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), () => {});
  const before = await countRows(database.orm.em.fork());
  const report = await loadSyntheticCorpus(database.orm, { scale: SCALE, seed });
  const after = await countRows(database.orm.em.fork());
  const added = Object.fromEntries(TABLE_ORDER.map((table) => [table, after[table] - before[table]])) as Figures;
  return { database, drop, report, added, fingerprint: await fingerprintSyntheticCorpus(database.orm.em.fork()) };
}

let first: Loaded;
let second: Loaded;
let other: Loaded;

beforeAll(async () => {
  first = await loadFresh(DEFAULT_SEED);
  second = await loadFresh(DEFAULT_SEED);
  other = await loadFresh(OTHER_SEED);
});

afterAll(async () => {
  for (const loaded of [first, second, other]) {
    await loaded?.database.close();
    await loaded?.drop();
  }
});

describe('the synthetic corpus generator', () => {
  it('states its figures for a scale without a database', () => {
    expect(figuresOf({ scale: SCALE, seed: DEFAULT_SEED })).toEqual(FIGURES);
  });

  it('grows scale 10 by more series, each still 25 years within 1995..2030', () => {
    expect(planScale(1)).toMatchObject({ series: 30, yearsPerSeries: 25, people: 40_000 });
    const plan = planScale(10);
    expect(plan).toMatchObject({ series: 300, yearsPerSeries: 25, people: 400_000 });
    const ids = new IdSequence(idBasesFromOne());
    const series = buildSeries(DEFAULT_SEED, plan, buildOrganisations(DEFAULT_SEED, plan, ids), ids, VENUES.length);
    expect(series.length).toBe(300);
    expect(new Set(series.map((one) => one.slug)).size).toBe(300);
    expect(Math.min(...series.map((one) => one.firstYear))).toBeGreaterThanOrEqual(1995);
    expect(Math.max(...series.map((one) => one.firstYear + plan.yearsPerSeries - 1))).toBeLessThanOrEqual(2030);
  });

  it('adds exactly the rows it states to a database holding the seed corpus', () => {
    expect(first.report.figures).toEqual(FIGURES);
    expect(first.added).toEqual(FIGURES);
  });

  it('gives the same rows for the same seed in two fresh databases', () => {
    expect(second.added).toEqual(first.added);
    expect(second.fingerprint).toEqual(first.fingerprint);
    expect(first.fingerprint.all).toBe('7dc85592675851acc35600ad879bc072');
  });

  it('gives other rows for another seed', () => {
    for (const [table, digest] of Object.entries(first.fingerprint)) {
      expect(other.fingerprint[table as keyof Fingerprint], table).not.toBe(digest);
    }
    expect(other.added).not.toEqual(first.added);
  });

  it('tags sessions, conferences and organisations with taxonomy topics', async () => {
    const [tagged] = await first.database.orm.em.fork().execute<Array<{ sessions: number; conferences: number; organisations: number }>>(
      `select (select count(distinct session_id) from session_topic st join session s on s.id = st.session_id
                 join conference c on c.id = s.conference_id join conference_series cs on cs.id = c.series_id where cs.slug like 'synth-%')::int as sessions,
              (select count(distinct conference_id) from conference_topic ct join conference c on c.id = ct.conference_id
                 join conference_series cs on cs.id = c.series_id where cs.slug like 'synth-%')::int as conferences,
              (select count(distinct organisation_id) from organisation_topic ot join organisation o on o.id = ot.organisation_id where o.key like 'synth-%')::int as organisations`,
    );
    expect(tagged).toEqual({ sessions: 156, conferences: 8, organisations: 53 });
  });

  it('moves the id sequences past its rows, so records created afterwards get fresh ids', async () => {
    const em = first.database.orm.em.fork();
    const person = em.create(Person, { key: 'after-synth', displayName: 'Ms A Later', surname: 'Later', aliases: [] });
    await em.flush();
    const [{ max }] = (await em.execute(`select max(id)::int as max from person where key like 'synth-%'`)) as [{ max: number }];
    expect(person.id).toBeGreaterThan(max);
  });

  /**
   * The load runs with the search triggers off and rebuilds their data at the
   * end (src/synth/derived-data.ts): the triggers must be on again, and the
   * rebuilt postings must hold every lexeme of every session's documents.
   */
  it('leaves the search triggers on and every session document in the postings', async () => {
    const em = first.database.orm.em.fork();
    const [{ disabled }] = await em.execute<Array<{ disabled: number }>>("select count(*)::int as disabled from pg_trigger where not tgisinternal and tgenabled <> 'O'");
    const [{ missing, postings }] = await em.execute<Array<{ missing: number; postings: number }>>(
      `select (select count(*)::int from (
                select l.lexeme, s.id from session s, unnest(s.search_document) l
                union select l.lexeme, c.session_id from search_context_session c, unnest(c.search_document) l
                except select p.lexeme, p.id from search_posting_session p) gone) as missing,
              (select count(*)::int from search_posting_session) as postings`,
    );
    expect({ disabled, missing, postings }).toEqual({ disabled: 0, missing: 0, postings: 11290 });
  });

  it("rebuilds every topic's programme: one row per linked topic and session, with its session's keys", async () => {
    const em = first.database.orm.em.fork();
    const [counts] = await em.execute<Array<{ pairs: number; missing: number; stray: number }>>(
      `with expected as (select distinct st.topic_id, st.session_id, c.year, s.conference_id, s.ordinal
                           from session_topic st join session s on s.id = st.session_id join conference c on c.id = s.conference_id)
       select (select count(*)::int from topic_programme) as pairs,
              (select count(*)::int from (select * from expected except
                 select topic_id, session_id, edition_year, conference_id, session_ordinal from topic_programme) gone) as missing,
              (select count(*)::int from (select topic_id, session_id, edition_year, conference_id, session_ordinal from topic_programme
                 except select * from expected) extra) as stray`,
    );
    expect(counts).toEqual({ pairs: 188, missing: 0, stray: 0 });
  });

  it('refuses to add a second synthetic corpus, writing nothing', async () => {
    const before = await countRows(first.database.orm.em.fork());
    await expect(loadSyntheticCorpus(first.database.orm, { scale: SCALE, seed: OTHER_SEED })).rejects.toThrow(SynthConflictError);
    expect(await countRows(first.database.orm.em.fork())).toEqual(before);
  });
});

describe('COPY encoding', () => {
  it('round-trips text with backslashes, tabs, newlines, quotes and braces, nulls and arrays', async () => {
    const client = new pg.Client({ connectionString: first.database.orm.config.get('clientUrl') });
    await client.connect();
    try {
      await client.query('create temporary table awkward (t text, a text[], b boolean, n int)');
      const row = { t: 'C:\\path\twith\ttabs\nand "quotes" {braces}\r', a: ['plain', 'with "quote"', 'back\\slash', 'com,ma', '{brace}', ''], b: true, n: null };
      await pipeline(Readable.from([encodeRow(['t', 'a', 'b', 'n'], row)]), client.query(copyFrom('copy awkward (t, a, b, n) from stdin')));
      const { rows } = await client.query('select t, a, b, n from awkward');
      expect(rows).toEqual([row]);
    } finally {
      await client.end();
    }
  });
});

describe('the synthetic corpus through the API', () => {
  let app: RunningLekgotla;

  beforeAll(async () => {
    const url = first.database.orm.config.get('clientUrl')!;
    const config = parseConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', LOAD_SEED_ON_START: 'false' });
    app = await startLekgotla(config, createLogger(config.logLevel));
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Plain query text: these operations are the synthetic corpus's own, not part of the typed test documents. */
  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  it('finds sessions by a phrase of the vocabulary', async () => {
    type Hit = { node: { title: string; keyIssues: string[]; description: string | null; conference: { series: { slug: string } } } };
    const data = await ask<{ search: { totalCount: number; nodes: Hit[] } }>(
      `query ($query: String!) {
         search(query: $query, types: [SESSION], first: 50) {
           totalCount
           nodes { node { ... on Session { title keyIssues description conference { series { slug } } } } }
         }
       }`,
      { query: 'coaching and mentoring' },
    );
    // The seed corpus has no session on coaching and mentoring: every hit is synthetic, and says so in its text.
    expect(data.search.totalCount).toBe(8);
    expect(new Set(data.search.nodes.map((hit) => hit.node.conference.series.slug))).toEqual(new Set([SERIES]));
    for (const { node } of data.search.nodes) {
      expect([node.title, ...node.keyIssues, node.description ?? ''].join(' ')).toMatch(/coach/i);
    }
  });

  it('draws a topic timeline for a synthetic series', async () => {
    const data = await ask<{ topicTimeline: Array<{ year: number; sessionCount: number; conferenceCount: number; topic: { slug: string } }> }>(
      `query ($series: String!) {
         topicTimeline(seriesSlug: $series, topicSlugs: ["leadership-development", "performance-management"]) {
           year sessionCount conferenceCount topic { slug }
         }
       }`,
      { series: SERIES },
    );
    const years = [...new Set(data.topicTimeline.map((point) => point.year))];
    expect(years).toEqual([2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]);
    const sessions = (slug: string) =>
      data.topicTimeline.filter((point) => point.topic.slug === slug).reduce((total, point) => total + point.sessionCount, 0);
    expect({ 'leadership-development': sessions('leadership-development'), 'performance-management': sessions('performance-management') }).toEqual({
      'leadership-development': 29,
      'performance-management': 4,
    });
  });

  it("shows an edition's programme: days with chairs, sessions with nested commissions, participants with positions and organisations", async () => {
    type Participant = { role: string; person: { displayName: string }; position: { title: string; organisation: { name: string } | null } | null };
    type ProgrammeSession = { ref: string; kind: string; number: number | null; title: string; keyIssues: string[]; participants: Participant[]; children: ProgrammeSession[] };
    const data = await ask<{
      conference: {
        title: string;
        days: Array<{ number: number; date: string; subTheme: string; chair: Participant; sessions: ProgrammeSession[] }>;
        sources: Array<{ key: string; text: string }>;
        citations: Array<{ excerpt: string }>;
      };
    }>(
      `fragment P on Participation { role person { displayName } position { title organisation { name } } }
       query ($series: String!, $year: Int!) {
         conference(seriesSlug: $series, year: $year) {
           title
           days {
             number date subTheme
             chair { ...P }
             sessions {
               ref kind number title keyIssues participants { ...P }
               children { ref kind number title keyIssues participants { ...P } children { ref } }
             }
           }
           sources { key text }
           citations { excerpt }
         }
       }`,
      { series: SERIES, year: YEAR },
    );
    const { conference } = data;
    expect(conference.days.map((day) => [day.number, day.date])).toEqual([
      [1, '2007-07-23'],
      [2, '2007-07-24'],
      [3, '2007-07-25'],
      [4, '2007-07-26'],
    ]);
    for (const day of conference.days) {
      expect(day.chair.role).toBe('CHAIRPERSON');
      expect(day.chair.position?.organisation?.name).toBeTruthy();
    }
    const breakaways = conference.days.flatMap((day) => day.sessions).filter((session) => session.kind === 'BREAKAWAY');
    expect(breakaways.length).toBeGreaterThan(0);
    for (const breakaway of breakaways) {
      expect(breakaway.children.map((child) => child.kind)).toEqual(breakaway.children.map(() => 'COMMISSION'));
      expect(breakaway.children.map((child) => child.number)).toEqual(breakaway.children.map((_, index) => index + 1));
      for (const commission of breakaway.children) {
        expect(commission.children).toEqual([]);
        expect(commission.keyIssues.length).toBeGreaterThanOrEqual(2);
        const facilitator = commission.participants.find((participant) => participant.role === 'FACILITATOR');
        expect(facilitator?.position?.organisation?.name).toBeTruthy();
      }
    }
    // The event page is rendered from the programme: every session title is on it, every citation quotes it.
    const [page] = conference.sources;
    expect(page!.key).toBe(`${SERIES}-${YEAR}-event-page`);
    for (const session of conference.days.flatMap((day) => [...day.sessions, ...day.sessions.flatMap((parent) => parent.children)])) {
      expect(page!.text).toContain(session.title);
    }
    for (const citation of conference.citations) expect(page!.text).toContain(citation.excerpt);
  });

  /**
   * The read floor reads a topic's sessions from its programme
   * (src/read/session-rows.ts), a range of one index; the resolvers join the
   * links and sort. Pages of 7 through every session of the densest and the
   * rarest topic, following the cursors, must be the same on both paths, and
   * the same again through each topic's own sessions list.
   */
  it("pages a dense and a rare topic's sessions alike on both read paths", async () => {
    const em = first.database.orm.em.fork();
    const links = await em.execute<Array<{ slug: string; links: number }>>(
      'select t.slug, count(*)::int as links from topic t join session_topic st on st.topic_id = t.id group by t.slug order by links desc, t.slug',
    );
    const dense = links[0]!;
    const rare = links.at(-1)!;
    expect({ dense, rare }).toEqual({ dense: { slug: 'leadership-development', links: 39 }, rare: { slug: 'organisational-performance-management', links: 2 } });
    const query = `query ($topic: String!, $after: String) {
      sessions(first: 7, after: $after, filter: { topicSlug: $topic }) {
        nodes { id title ordinal conference { year } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    // The same pages through the topic's own list, read from the same programme.
    const ofTopic = `query ($topic: String!, $after: String) {
      topic(slug: $topic) {
        sessions(first: 7, after: $after) {
          nodes { id title ordinal conference { year } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }`;
    type Connection = { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    type Page = { sessions: Connection };
    type TopicPage = { topic: { sessions: Connection } };
    const pages: Record<string, number> = {};
    for (const topic of [dense.slug, rare.slug]) {
      let after: string | null = null;
      let seen = 0;
      for (;;) {
        const compiled: Page = await ask<Page>(query, { topic, after });
        const resolved = await ask<Page & { __type: unknown }>(throughResolvers(query), { topic, after });
        expect(resolved.sessions).toEqual(compiled.sessions);
        const topicCompiled = await ask<TopicPage>(ofTopic, { topic, after });
        const topicResolved = await ask<TopicPage & { __type: unknown }>(throughResolvers(ofTopic), { topic, after });
        expect(topicCompiled.topic.sessions).toEqual(compiled.sessions);
        expect(topicResolved.topic.sessions).toEqual(compiled.sessions);
        seen += compiled.sessions.nodes.length;
        if (!compiled.sessions.pageInfo.hasNextPage) break;
        after = compiled.sessions.pageInfo.endCursor;
      }
      pages[topic] = seen;
    }
    expect(pages).toEqual({ [dense.slug]: 34, [rare.slug]: 1 });
  });
});
