/**
 * The query shapes of the benchmark. Each has Lekgotla's GraphQL query, the
 * equivalent PostGraphile query, the floor's one hand-written SQL statement
 * (which builds Lekgotla's `data` itself), and normalisers that turn each
 * server's answer into one comparable JSON value, so the harness can check
 * that the three agree before it measures anything.
 *
 * Normal forms keep list order wherever all three servers can express
 * Lekgotla's order; where PostGraphile cannot (a person's participations in
 * date order needs a sort across three tables), the list is sorted by its
 * JSON text in every normal form, for all three servers alike.
 */
import type pg from 'pg';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export type ServerName = 'lekgotla' | 'postgraphile' | 'floor' | 'joinmonster';

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Shape {
  /** Key on the command line and in the table, e.g. "programme". */
  name: string;
  /** What a reader sees in the table. */
  title: string;
  lekgotla: GraphQLRequest;
  /** Null when PostGraphile has nothing equivalent (then its row is left empty). */
  postgraphile: GraphQLRequest | null;
  /** join-monster's query (bench/join-monster.ts), for shapes 1–3 only: the library evaluated against src/read/. */
  joinmonster: GraphQLRequest | null;
  /** The floor's statement is FLOOR_SQL[name]; these are its parameters. */
  floorParams: unknown[];
  /** The targets that name shapes 1–3. */
  core: boolean;
  /** Maps a server's `data` to the comparable form. */
  normalise: Record<Exclude<ServerName, 'joinmonster'>, (data: Obj) => Json> & { joinmonster?: (data: Obj) => Json };
}

/** What the harness picks from the database at start (see pickParameters). */
export interface Picks {
  conference: { id: number; seriesId: number; seriesSlug: string; year: number; sessions: number; participations: number };
  topic: { slug: string; sessions: number; fromYear: number; toYear: number };
  person: { id: number; displayName: string; participations: number };
  search: { query: string; name: string };
  timeline: { topicSlug: string; seriesSlug: string; fromYear: number; toYear: number };
}

// ---------------------------------------------------------------- helpers

const obj = (value: Json | undefined): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const sortedByJson = (values: Json[]): Json[] =>
  values
    .map((value) => [JSON.stringify(value), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value);
const round = (value: Json | undefined) => (typeof value === 'number' ? Math.round(value * 1e5) / 1e5 : null);

function organisation(value: Json | undefined): Json {
  if (!value) return null;
  const o = obj(value);
  return { name: o.name ?? null, acronym: o.acronym ?? null };
}

function position(value: Json | undefined): Json {
  if (!value) return null;
  const p = obj(value);
  return { title: p.title ?? null, organisation: organisation(p.organisation) };
}

/** One participation as every server states it: role, person, position then. */
function participant(value: Json): Json {
  const p = obj(value);
  return { role: p.role ?? null, person: obj(p.person).displayName ?? null, position: position(p.position) };
}

/** Lekgotla's global ids: base64 of "Type:id" (src/schema/global-id.ts). */
export function globalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** Lekgotla's name words (src/read/person-names.ts), which its search passes as the name to match. */
export function nameWords(text: string): string {
  const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'adv', 'advocate', 'commissioner', 'hon', 'sir', 'dame']);
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !honorifics.has(word))
    .join(' ');
}

// ---------------------------------------------------------------- floor SQL

/** A participation as Lekgotla answers it; `pa` is the participation row. */
const PARTICIPANT_JSON = `json_build_object(
    'role', pa.role,
    'person', json_build_object('displayName', pe.display_name),
    'position', case when po.id is null then null else json_build_object(
      'title', po.title,
      'organisation', case when o.id is null then null else json_build_object('name', o.name, 'acronym', o.acronym) end) end)`;
const PARTICIPANT_JOINS = `join public.person pe on pe.id = pa.person_id
    left join public.position po on po.id = pa.position_id
    left join public.organisation o on o.id = po.organisation_id`;
const participantsOf = (where: string) => `coalesce((select json_agg(${PARTICIPANT_JSON} order by pa.ordinal, pa.id)
    from public.participation pa ${PARTICIPANT_JOINS} where ${where}), '[]'::json)`;

/**
 * One statement per shape; each returns one row with one text column, the
 * whole `data` object, which the floor wraps as {"data": …} without parsing.
 * Search and timeline call the bench schema's SQL functions (inlined by
 * PostgreSQL), which hold Lekgotla's own SQL for them (bench/bench-schema.ts).
 */
export const FLOOR_SQL: Record<string, string> = {
  programme: `
    select json_build_object('conference', (
      select json_build_object(
        'title', c.title, 'year', c.year, 'startDate', c.start_date, 'endDate', c.end_date,
        'days', coalesce((
          select json_agg(json_build_object(
            'number', d.number,
            'subTheme', d.sub_theme,
            'chair', (select ${PARTICIPANT_JSON} from public.participation pa ${PARTICIPANT_JOINS}
                       where pa.day_id = d.id and pa.role = 'CHAIRPERSON' order by pa.ordinal, pa.id limit 1),
            'sessions', coalesce((
              select json_agg(json_build_object(
                'kind', s.kind, 'title', s.title, 'number', s.number, 'description', s.description,
                'participants', ${participantsOf('pa.session_id = s.id')},
                'children', coalesce((
                  select json_agg(json_build_object(
                    'kind', ch.kind, 'title', ch.title, 'number', ch.number,
                    'participants', ${participantsOf('pa.session_id = ch.id')}) order by ch.ordinal, ch.id)
                  from public.session ch where ch.parent_id = s.id), '[]'::json)
              ) order by s.ordinal, s.id)
              from public.session s where s.day_id = d.id and s.parent_id is null), '[]'::json)
          ) order by d.number)
          from public.conference_day d where d.conference_id = c.id), '[]'::json))
      from public.conference c join public.conference_series cs on cs.id = c.series_id
      where cs.slug = $1 and c.year = $2))::text as data`,

  sessions: `
    with picked as (
      select s.id, s.title, s.kind, s.ordinal, c.id as conference_id, c.year, c.title as conference_title
        from public.session s join public.conference c on c.id = s.conference_id
       where c.year >= $2 and c.year <= $3
         and exists (select 1 from public.session_topic st join public.topic t on t.id = st.topic_id
                      where st.session_id = s.id and t.slug = $1)
       order by c.year, c.id, s.ordinal, s.id
       limit $4
    )
    select json_build_object('sessions', json_build_object('nodes', coalesce(json_agg(json_build_object(
             'title', x.title, 'kind', x.kind,
             'conference', json_build_object('year', x.year, 'title', x.conference_title),
             'participants', ${participantsOf('pa.session_id = x.id')})
           order by x.year, x.conference_id, x.ordinal, x.id), '[]'::json)))::text as data
      from picked x`,

  profile: `
    select json_build_object('node', (
      select json_build_object(
        'displayName', p.display_name, 'surname', p.surname,
        'positions', coalesce((
          select json_agg(json_build_object(
            'title', po.title, 'asOf', po.as_of, 'acting', po.acting,
            'organisation', case when o.id is null then null else json_build_object('name', o.name, 'acronym', o.acronym) end)
            order by po.as_of, po.id)
          from public.position po left join public.organisation o on o.id = po.organisation_id
          where po.person_id = p.id), '[]'::json),
        'participations', json_build_object('nodes', coalesce((
          select json_agg(json_build_object(
            'role', pa.role,
            'position', case when po.id is null then null else json_build_object(
              'title', po.title,
              'organisation', case when o.id is null then null else json_build_object('name', o.name, 'acronym', o.acronym) end) end,
            'session', case when s.id is null then null else json_build_object(
              'title', s.title, 'kind', s.kind, 'conference', json_build_object('year', sc.year, 'title', sc.title)) end,
            'day', case when pd.id is null then null else json_build_object(
              'number', pd.number, 'conference', json_build_object('year', dc.year, 'title', dc.title)) end)
            order by coalesce(oc.start_date::text, coalesce(oc.year, 9999)::text || '-99-99'), coalesce(oc.id, 0),
                     coalesce(od.number, 0), coalesce(s.ordinal + 1, 0), pa.id)
          from public.participation pa
          left join public.position po on po.id = pa.position_id
          left join public.organisation o on o.id = po.organisation_id
          left join public.session s on s.id = pa.session_id
          left join public.conference sc on sc.id = s.conference_id
          left join public.conference_day pd on pd.id = pa.day_id
          left join public.conference dc on dc.id = pd.conference_id
          left join public.conference_day od on od.id = coalesce(pa.day_id, s.day_id)
          left join public.conference oc on oc.id = coalesce(s.conference_id, od.conference_id)
          where pa.person_id = p.id), '[]'::json)))
      from public.person p where p.id = $1))::text as data`,

  search: `
    with hits as (select * from bench.search_hits($1, $2, $3))
    select json_build_object('search', json_build_object(
             'totalCount', coalesce((select max(total) from hits), 0),
             'nodes', coalesce((select json_agg(json_build_object(
               'score', h.score, 'highlight', h.highlight,
               'node', case h.type
                 when 'CONFERENCE' then json_build_object('__typename', 'Conference', 'title', h.label)
                 when 'SESSION' then json_build_object('__typename', 'Session', 'title', h.label)
                 when 'PERSON' then json_build_object('__typename', 'Person', 'displayName', h.label)
                 when 'ORGANISATION' then json_build_object('__typename', 'Organisation', 'name', h.label)
                 when 'SOURCE' then json_build_object('__typename', 'Source', 'title', h.label) end)
               order by h.score desc, h.type, h.id) from hits h), '[]'::json)))::text as data`,

  timeline: `
    select json_build_object('topicTimeline', coalesce(json_agg(json_build_object(
             'year', t.year, 'sessionCount', t.session_count, 'conferenceCount', t.conference_count,
             'topic', json_build_object('slug', t.topic_slug)) order by t.topic_id, t.year), '[]'::json))::text as data
      from bench.topic_timeline($1, $2, $3, $4) t`,
};

// ---------------------------------------------------------------- GraphQL

const LEKGOTLA_PARTICIPANT = 'fragment P on Participation { role person { displayName } position { title organisation { name acronym } } }';
const PG_PARTICIPANT = LEKGOTLA_PARTICIPANT;
const PG_ORDER = 'orderBy: [ORDINAL_ASC, PRIMARY_KEY_ASC]';

function normaliseProgramme(conference: Obj | null): Json {
  if (!conference) return null;
  const session = (value: Json): Json => {
    const s = obj(value);
    return {
      kind: s.kind ?? null,
      title: s.title ?? null,
      number: s.number ?? null,
      participants: list(s.participants ?? s.participations).map(participant),
      ...(s.description !== undefined && { description: s.description }),
      ...((s.children ?? s.childSessions) !== undefined && { children: list(s.children ?? s.childSessions).map(session) }),
    };
  };
  return {
    title: conference.title ?? null,
    year: conference.year ?? null,
    startDate: conference.startDate ?? null,
    endDate: conference.endDate ?? null,
    days: list(conference.days ?? conference.conferenceDays).map((value) => {
      const d = obj(value);
      const chair = d.chair !== undefined ? d.chair : (list(d.participationsByDayId)[0] ?? null);
      return {
        number: d.number ?? null,
        subTheme: d.subTheme ?? null,
        chair: chair ? participant(chair) : null,
        sessions: list(d.sessions ?? d.sessionsByDayId).map(session),
      };
    }),
  };
}

function normaliseSessions(nodes: Json[]): Json {
  return nodes.map((value) => {
    const s = obj(value);
    const c = obj(s.conference);
    return {
      title: s.title ?? null,
      kind: s.kind ?? null,
      conference: { year: c.year ?? null, title: c.title ?? null },
      participants: list(s.participants ?? s.participations).map(participant),
    };
  });
}

function normaliseProfile(person: Obj | null): Json {
  if (!person) return null;
  const participations = Array.isArray(person.participations) ? person.participations : list(obj(person.participations).nodes);
  const conferenceOf = (value: Json | undefined) => {
    const c = obj(value);
    return { year: c.year ?? null, title: c.title ?? null };
  };
  return {
    displayName: person.displayName ?? null,
    surname: person.surname ?? null,
    positions: list(person.positions).map((value) => {
      const p = obj(value);
      return { title: p.title ?? null, asOf: p.asOf ?? null, acting: p.acting ?? null, organisation: organisation(p.organisation) };
    }),
    participations: sortedByJson(
      participations.map((value) => {
        const p = obj(value);
        const session = p.session ? obj(p.session) : null;
        const day = p.day ? obj(p.day) : null;
        return {
          role: p.role ?? null,
          position: position(p.position),
          session: session && { title: session.title ?? null, kind: session.kind ?? null, conference: conferenceOf(session.conference) },
          day: day && { number: day.number ?? null, conference: conferenceOf(day.conference) },
        };
      }),
    ),
  };
}

const TYPE_OF: Record<string, string> = {
  Conference: 'CONFERENCE',
  Session: 'SESSION',
  Person: 'PERSON',
  Organisation: 'ORGANISATION',
  Source: 'SOURCE',
};

function normaliseSearchConnection(search: Obj): Json {
  return {
    totalCount: search.totalCount ?? null,
    hits: list(search.nodes).map((value) => {
      const hit = obj(value);
      const node = obj(hit.node);
      return {
        type: TYPE_OF[String(node.__typename)] ?? null,
        label: node.title ?? node.displayName ?? node.name ?? null,
        score: round(hit.score),
        highlight: hit.highlight ?? null,
      };
    }),
  };
}

function normaliseTimeline(rows: Json[]): Json {
  return rows.map((value) => {
    const row = obj(value);
    return {
      topic: obj(row.topic).slug ?? row.topicSlug ?? null,
      year: row.year ?? null,
      sessionCount: row.sessionCount ?? null,
      conferenceCount: row.conferenceCount ?? null,
    };
  });
}

/** The five shapes (plus the ten-session variant of shape 2, for statement counts) for the picked parameters. */
export function buildShapes(picks: Picks, options: { sessionsFirst?: number } = {}): Shape[] {
  const { conference, topic, person, search, timeline } = picks;
  const sessionsShape = (first: number, name: string): Shape => ({
    name,
    title: `2 ${first} sessions by topic+years`,
    core: true,
    lekgotla: {
      query: `query Sessions($topic: String!, $from: Int!, $to: Int!, $first: Int!) {
        sessions(first: $first, filter: { topicSlug: $topic, fromYear: $from, toYear: $to }) {
          nodes { title kind conference { year title } participants { ...P } }
        }
      } ${LEKGOTLA_PARTICIPANT}`,
      variables: { topic: topic.slug, from: topic.fromYear, to: topic.toYear, first },
    },
    postgraphile: {
      query: `query Sessions($topic: String!, $from: Int!, $to: Int!, $first: Int!) {
        benchSessionsByTopic(topicSlug: $topic, fromYear: $from, toYear: $to, maxRows: $first) {
          title kind conference { year title } participations(${PG_ORDER}) { ...P }
        }
      } ${PG_PARTICIPANT}`,
      variables: { topic: topic.slug, from: topic.fromYear, to: topic.toYear, first },
    },
    joinmonster: {
      query: `query Sessions($topic: String!, $from: Int!, $to: Int!, $first: Int!) {
        sessions(topicSlug: $topic, fromYear: $from, toYear: $to, first: $first) {
          title kind conference { year title } participants { ...P }
        }
      } ${LEKGOTLA_PARTICIPANT}`,
      variables: { topic: topic.slug, from: topic.fromYear, to: topic.toYear, first },
    },
    floorParams: [topic.slug, topic.fromYear, topic.toYear, first],
    normalise: {
      lekgotla: (data) => normaliseSessions(list(obj(data.sessions).nodes)),
      floor: (data) => normaliseSessions(list(obj(data.sessions).nodes)),
      postgraphile: (data) => normaliseSessions(list(data.benchSessionsByTopic)),
      joinmonster: (data) => normaliseSessions(list(data.sessions)),
    },
  });

  return [
    {
      name: 'programme',
      title: '1 conference programme',
      core: true,
      lekgotla: {
        query: `query Programme($series: String!, $year: Int!) {
          conference(seriesSlug: $series, year: $year) {
            title year startDate endDate
            days {
              number subTheme
              chair { ...P }
              sessions {
                kind title number description
                participants { ...P }
                children { kind title number participants { ...P } }
              }
            }
          }
        } ${LEKGOTLA_PARTICIPANT}`,
        variables: { series: conference.seriesSlug, year: conference.year },
      },
      postgraphile: {
        query: `query Programme($seriesId: Int!, $year: Int!) {
          conferenceBySeriesIdAndYear(seriesId: $seriesId, year: $year) {
            title year startDate endDate
            conferenceDays(orderBy: [NUMBER_ASC]) {
              number subTheme
              participationsByDayId(condition: { role: CHAIRPERSON }, ${PG_ORDER}, first: 1) { ...P }
              sessionsByDayId(condition: { parentId: null }, ${PG_ORDER}) {
                kind title number description
                participations(${PG_ORDER}) { ...P }
                childSessions(${PG_ORDER}) { kind title number participations(${PG_ORDER}) { ...P } }
              }
            }
          }
        } ${PG_PARTICIPANT}`,
        variables: { seriesId: conference.seriesId, year: conference.year },
      },
      // Lekgotla's own query: the join-monster schema has the same names for what shape 1 reads.
      joinmonster: {
        query: `query Programme($series: String!, $year: Int!) {
          conference(seriesSlug: $series, year: $year) {
            title year startDate endDate
            days {
              number subTheme
              chair { ...P }
              sessions {
                kind title number description
                participants { ...P }
                children { kind title number participants { ...P } }
              }
            }
          }
        } ${LEKGOTLA_PARTICIPANT}`,
        variables: { series: conference.seriesSlug, year: conference.year },
      },
      floorParams: [conference.seriesSlug, conference.year],
      normalise: {
        joinmonster: (data) => normaliseProgramme(data.conference ? obj(data.conference) : null),
        lekgotla: (data) => normaliseProgramme(data.conference ? obj(data.conference) : null),
        floor: (data) => normaliseProgramme(data.conference ? obj(data.conference) : null),
        postgraphile: (data) => normaliseProgramme(data.conferenceBySeriesIdAndYear ? obj(data.conferenceBySeriesIdAndYear) : null),
      },
    },
    sessionsShape(options.sessionsFirst ?? 100, 'sessions'),
    {
      name: 'profile',
      title: '3 person profile',
      core: true,
      lekgotla: {
        query: `query Profile($id: ID!) {
          node(id: $id) {
            ... on Person {
              displayName surname
              positions { title asOf acting organisation { name acronym } }
              participations(first: 100) {
                nodes {
                  role
                  position { title organisation { name acronym } }
                  session { title kind conference { year title } }
                  day { number conference { year title } }
                }
              }
            }
          }
        }`,
        variables: { id: globalId('Person', person.id) },
      },
      postgraphile: {
        query: `query Profile($id: Int!) {
          person(rowId: $id) {
            displayName surname
            positions(orderBy: [AS_OF_ASC, PRIMARY_KEY_ASC]) { title asOf acting organisation { name acronym } }
            participations(orderBy: [PRIMARY_KEY_ASC]) {
              role
              position { title organisation { name acronym } }
              session { title kind conference { year title } }
              day { number conference { year title } }
            }
          }
        }`,
        variables: { id: person.id },
      },
      joinmonster: {
        query: `query Profile($id: Int!) {
          person(id: $id) {
            displayName surname
            positions { title asOf acting organisation { name acronym } }
            participations {
              role
              position { title organisation { name acronym } }
              session { title kind conference { year title } }
              day { number conference { year title } }
            }
          }
        }`,
        variables: { id: person.id },
      },
      floorParams: [person.id],
      normalise: {
        joinmonster: (data) => normaliseProfile(data.person ? obj(data.person) : null),
        lekgotla: (data) => normaliseProfile(data.node ? obj(data.node) : null),
        floor: (data) => normaliseProfile(data.node ? obj(data.node) : null),
        postgraphile: (data) => normaliseProfile(data.person ? obj(data.person) : null),
      },
    },
    {
      name: 'search',
      title: '4 full-text search, 20 hits',
      core: false,
      lekgotla: {
        query: `query Search($q: String!) {
          search(query: $q, first: 20) {
            totalCount
            nodes {
              score highlight
              node {
                __typename
                ... on Conference { title }
                ... on Session { title }
                ... on Person { displayName }
                ... on Organisation { name }
                ... on Source { title }
              }
            }
          }
        }`,
        variables: { q: search.query },
      },
      postgraphile: {
        query: `query Search($q: String!, $name: String!) {
          benchSearchHits(q: $q, name: $name, maxRows: 20) { type score total highlight label }
        }`,
        variables: { q: search.query, name: search.name },
      },
      joinmonster: null,
      floorParams: [search.query, search.name, 20],
      normalise: {
        lekgotla: (data) => normaliseSearchConnection(obj(data.search)),
        floor: (data) => normaliseSearchConnection(obj(data.search)),
        postgraphile: (data) => {
          const rows = list(data.benchSearchHits).map(obj);
          return {
            totalCount: rows[0]?.total ?? 0,
            hits: rows.map((row) => ({ type: row.type ?? null, label: row.label ?? null, score: round(row.score), highlight: row.highlight ?? null })),
          };
        },
      },
    },
    {
      name: 'timeline',
      title: '5 topic timeline, 25 years',
      core: false,
      lekgotla: {
        query: `query Timeline($topics: [String!]!, $series: String!, $from: Int!, $to: Int!) {
          topicTimeline(topicSlugs: $topics, seriesSlug: $series, fromYear: $from, toYear: $to) {
            year sessionCount conferenceCount topic { slug }
          }
        }`,
        variables: { topics: [timeline.topicSlug], series: timeline.seriesSlug, from: timeline.fromYear, to: timeline.toYear },
      },
      postgraphile: {
        query: `query Timeline($topics: [String]!, $series: String!, $from: Int!, $to: Int!) {
          benchTopicTimeline(topicSlugs: $topics, seriesSlug: $series, fromYear: $from, toYear: $to) {
            topicSlug year sessionCount conferenceCount
          }
        }`,
        variables: { topics: [timeline.topicSlug], series: timeline.seriesSlug, from: timeline.fromYear, to: timeline.toYear },
      },
      joinmonster: null,
      floorParams: [[timeline.topicSlug], timeline.seriesSlug, timeline.fromYear, timeline.toYear],
      normalise: {
        lekgotla: (data) => normaliseTimeline(list(data.topicTimeline)),
        floor: (data) => normaliseTimeline(list(data.topicTimeline)),
        postgraphile: (data) => normaliseTimeline(list(data.benchTopicTimeline)),
      },
    },
  ];
}

/** Shape 2 with `first` sessions, for the "statements independent of result size" check. */
export function sessionsVariant(picks: Picks, first: number): Shape {
  return buildShapes(picks, { sessionsFirst: first }).find((shape) => shape.name === 'sessions')!;
}

/**
 * Picks concrete parameters from the database: the conference with the most
 * participations in its programme, the topic with the most sessions (its year
 * range), the person with the most participations that fit one page of 100,
 * and a 25-year window of the busiest conference's series.
 */
export async function pickParameters(client: pg.ClientBase, searchQuery: string): Promise<Picks> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await client.query(sql, params);
    if (rows.length === 0) throw new Error(`the database has nothing for: ${sql.trim().split('\n')[0]}`);
    return rows[0] as T;
  };
  const conference = await one<Picks['conference']>(`
    select c.id, c.series_id as "seriesId", cs.slug as "seriesSlug", c.year,
           (select count(*)::int from session s where s.conference_id = c.id) as sessions,
           (select count(*)::int from participation pa join session s on s.id = pa.session_id where s.conference_id = c.id) as participations
      from conference c join conference_series cs on cs.id = c.series_id
     order by participations desc, sessions desc, c.id limit 1`);
  const topic = await one<Picks['topic']>(`
    select t.slug, count(distinct st.session_id)::int as sessions, min(c.year) as "fromYear", max(c.year) as "toYear"
      from topic t join session_topic st on st.topic_id = t.id join session s on s.id = st.session_id
      join conference c on c.id = s.conference_id
     group by t.id order by sessions desc, t.id limit 1`);
  const person = await one<Picks['person']>(`
    select p.id, p.display_name as "displayName", count(*)::int as participations
      from person p join participation pa on pa.person_id = p.id
     group by p.id having count(*) <= 100 order by participations desc, p.id limit 1`);
  const span = await one<{ fromYear: number }>(
    'select min(c.year) as "fromYear" from conference c join conference_series cs on cs.id = c.series_id where cs.slug = $1',
    [conference.seriesSlug],
  );
  return {
    conference,
    topic,
    person,
    search: { query: searchQuery, name: nameWords(searchQuery) },
    timeline: { topicSlug: topic.slug, seriesSlug: conference.seriesSlug, fromYear: span.fromYear, toYear: span.fromYear + 24 },
  };
}
