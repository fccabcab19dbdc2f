import { CitedKind } from '../entities/enums.js';
import type { FieldSql, RecordSql } from './compilation.js';
import { connectionJson } from './connection-sql.js';
import { allOf, sessionConditions } from './filters-sql.js';
import { citations, column, globalId, toMany, toOne, withRole } from './field-sql.js';

/** Orders that the resolvers' loaders use, so both paths list records alike. */
const byOrdinal = (target: string) => `${target}.ordinal, ${target}.id`;

/**
 * A person's roles as they happened: by edition (its start date, or its year
 * for an undated one), then day, then the session's place in the programme,
 * a day's chair before the day's sessions. Text keys compare as JavaScript
 * strings do, byte for byte.
 */
const participationsOfPerson: FieldSql = (compilation, row, field) => {
  const role = field.args.role;
  const roleCondition = typeof role === 'string' ? ` and pa.role = ${compilation.params.bind(role, 'participation_role')}` : '';
  return connectionJson(compilation, field, {
    nodeType: 'Participation',
    row: 'pa',
    from: `participation pa left join "session" s on s.id = pa.session_id
      left join conference_day d on d.id = coalesce(pa.day_id, s.day_id)
      left join conference c on c.id = coalesce(s.conference_id, d.conference_id)`,
    where: `pa.person_id = ${row}.id${roleCondition}`,
    order: `coalesce(c.start_date::text, coalesce(c.year, 9999) || '-99-99') collate "C", coalesce(c.id, 0), coalesce(d.number, 0), coalesce(s.ordinal + 1, 0), pa.id`,
  });
};

/** Topics linked to the owner through `links` (SQL yielding topic ids for owner row `owner`), by name. */
const topicsVia = (links: (owner: string) => string) =>
  toMany('Topic', (owner, topic) => `${topic}.id in (${links(owner)})`, (topic) => `${topic}.name, ${topic}.id`);

/** The record types the read floor compiles, with the SQL of each field it answers. */
export const records: Record<string, RecordSql> = {
  Conference: {
    table: 'conference',
    fields: {
      id: globalId('Conference'),
      year: column('year'),
      title: column('title'),
      theme: column('theme'),
      startDate: column('start_date'),
      endDate: column('end_date'),
      audience: column('audience'),
      expectedAttendance: column('expected_attendance'),
      documentation: column('documentation'),
      focus: column('focus'),
      background: column('background'),
      bookings: column('bookings'),
      version: column('version'),
      // An edition without a venue name has no venue, as the resolver says.
      venue: (compilation, row, field) => `case when coalesce(${row}.venue_name, '') = '' then null else ${compilation.object('Venue', row, field.nodes)} end`,
      series: toOne('ConferenceSeries', 'series_id'),
      sessions: (compilation, row, field) =>
        connectionJson(compilation, field, {
          nodeType: 'Session',
          row: 's',
          from: '"session" s join conference c on c.id = s.conference_id',
          where: allOf([`s.conference_id = ${row}.id`, ...sessionConditions(compilation, (field.args.filter ?? {}) as Record<string, unknown>)]),
          order: 's.ordinal, s.id',
        }),
      days: toMany('ConferenceDay', (owner, day) => `${day}.conference_id = ${owner}.id`, (day) => `${day}.number, ${day}.id`),
      topics: topicsVia(
        (owner) => `select topic_id from conference_topic where conference_id = ${owner}.id
          union select st.topic_id from session_topic st join "session" ts on ts.id = st.session_id where ts.conference_id = ${owner}.id`,
      ),
      citations: citations(CitedKind.CONFERENCE),
    },
  },
  Venue: {
    table: 'conference',
    fields: { name: column('venue_name'), city: column('venue_city') },
  },
  ConferenceSeries: {
    table: 'conference_series',
    fields: { id: globalId('ConferenceSeries'), slug: column('slug'), name: column('name'), organiser: toOne('Organisation', 'organiser_id') },
  },
  ConferenceDay: {
    table: 'conference_day',
    fields: {
      id: globalId('ConferenceDay'),
      number: column('number'),
      date: column('date'),
      subTheme: column('sub_theme'),
      version: column('version'),
      conference: toOne('Conference', 'conference_id'),
      chair: (compilation, row, field) => {
        const chair = compilation.alias();
        return `(select ${compilation.object('Participation', chair, field.nodes)} from participation ${chair}
          where ${chair}.day_id = ${row}.id and ${chair}.role = 'CHAIRPERSON' order by ${byOrdinal(chair)} limit 1)`;
      },
      sessions: toMany('Session', (owner, session) => `${session}.day_id = ${owner}.id and ${session}.parent_id is null`, byOrdinal),
      citations: citations(CitedKind.CONFERENCE_DAY),
    },
  },
  Session: {
    table: '"session"',
    fields: {
      id: globalId('Session'),
      ref: column('ref'),
      kind: column('kind'),
      title: column('title'),
      number: column('number'),
      description: column('description'),
      keyIssues: column('key_issues'),
      version: column('version'),
      conference: toOne('Conference', 'conference_id'),
      day: toOne('ConferenceDay', 'day_id'),
      parent: toOne('Session', 'parent_id'),
      children: toMany('Session', (owner, child) => `${child}.parent_id = ${owner}.id`, byOrdinal),
      participants: withRole((roleOf) => toMany('Participation', (owner, participation) => `${participation}.session_id = ${owner}.id and ${roleOf(participation)}`, byOrdinal)),
      topics: topicsVia((owner) => `select topic_id from session_topic where session_id = ${owner}.id`),
      citations: citations(CitedKind.SESSION),
    },
  },
  Participation: {
    table: 'participation',
    fields: {
      id: globalId('Participation'),
      role: column('role'),
      version: column('version'),
      person: toOne('Person', 'person_id'),
      position: toOne('Position', 'position_id'),
      session: toOne('Session', 'session_id'),
      day: toOne('ConferenceDay', 'day_id'),
      citations: citations(CitedKind.PARTICIPATION),
    },
  },
  Person: {
    table: 'person',
    fields: {
      id: globalId('Person'),
      displayName: column('display_name'),
      honorific: column('honorific'),
      initials: column('initials'),
      givenNames: column('given_names'),
      surname: column('surname'),
      aliases: column('aliases'),
      version: column('version'),
      positions: toMany('Position', (owner, position) => `${position}.person_id = ${owner}.id`, (position) => `${position}.as_of, ${position}.id`),
      participations: participationsOfPerson,
      topics: topicsVia(
        (owner) => `select st.topic_id from participation tpa join session_topic st on st.session_id = tpa.session_id where tpa.person_id = ${owner}.id`,
      ),
      citations: citations(CitedKind.PERSON),
    },
  },
  Position: {
    table: '"position"',
    fields: {
      id: globalId('Position'),
      title: column('title'),
      asOf: column('as_of'),
      acting: column('acting'),
      version: column('version'),
      organisation: toOne('Organisation', 'organisation_id'),
      person: toOne('Person', 'person_id'),
      citations: citations(CitedKind.POSITION),
    },
  },
  Organisation: {
    table: 'organisation',
    fields: {
      id: globalId('Organisation'),
      name: column('name'),
      acronym: column('acronym'),
      aliases: column('aliases'),
      kind: column('kind'),
      sphere: column('sphere'),
      objectives: column('objectives'),
      priorityAreas: column('priority_areas'),
      version: column('version'),
      parent: toOne('Organisation', 'parent_id'),
      topics: topicsVia((owner) => `select topic_id from organisation_topic where organisation_id = ${owner}.id`),
      citations: citations(CitedKind.ORGANISATION),
    },
  },
  Topic: {
    table: 'topic',
    fields: {
      id: globalId('Topic'),
      slug: column('slug'),
      name: column('name'),
      synonyms: column('synonyms'),
      description: column('description'),
      version: column('version'),
    },
  },
  Citation: {
    table: 'citation',
    fields: { excerpt: column('excerpt'), source: toOne('Source', 'source_id') },
  },
  Source: {
    table: 'source',
    fields: {
      id: globalId('Source'),
      key: column('key'),
      title: column('title'),
      kind: column('kind'),
      url: column('url'),
      issuedOn: column('issued_on'),
      updatedOn: column('updated_on'),
      text: column('text'),
      checksum: column('checksum'),
      version: column('version'),
      publisher: toOne('Organisation', 'publisher_id'),
    },
  },
};
