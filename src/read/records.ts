import { CitedKind } from '../entities/enums.js';
import { rankOfTitleSql } from '../entities/position-rank.js';
import { activityOf } from './activity-json.js';
import type { Compilation, FieldSql, RecordSql } from './compilation.js';
import { connectionJson } from './connection-sql.js';
import { allOf, filterTopicId, sessionConditions } from './filters-sql.js';
import { citations, column, globalId, related, relatedPage, toMany, toOne, withRole } from './field-sql.js';
import { sessionLinkOrder } from './orders.js';
import { sessionBeside } from './participations-sql.js';
import { relations } from './relations.js';
import { sessionsOfTopicRows } from './session-rows.js';
import { conferenceComparisonRecord } from './comparison-sql.js';
import { changeRecord, claimRecord, claimsOf } from './history-sql.js';
import { topicTimelineField, topicYearRecord } from './timeline-sql.js';

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
    carried: true,
    beside: sessionBeside,
    // A person holds a few positions across many roles.
    repeated: ['position_id'],
    order: `coalesce(c.start_date::text, coalesce(c.year, 9999) || '-99-99') collate "C", coalesce(c.id, 0), coalesce(d.number, 0), coalesce(s.ordinal + 1, 0), pa.id`,
  });
};

/** A topic's sessions in programme order (editions oldest first), as the sessions list filtered by the topic pages them. */
const sessionsOfTopic: FieldSql = (compilation, row, field) => connectionJson(compilation, field, sessionsOfTopicRows(row));

/** A SessionFilter on an edition's few sessions: its topic tested through the links. */
const sessionsOfConferenceConditions = (compilation: Compilation, filter: Record<string, unknown>) =>
  sessionConditions(compilation, filter, { year: 'c.year', linkedTopic: filterTopicId(compilation, filter) });

/** The topics linked to a record, each with its evidence, from the link table of the record's kind. */
const topicAssignments = (table: string, ownerColumn: string) =>
  toMany('TopicAssignment', (owner, link) => `${link}.${ownerColumn} = ${owner}.id`, (link) => `${link}.id`, table);

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
          where: allOf([`s.conference_id = ${row}.id`, ...sessionsOfConferenceConditions(compilation, (field.args.filter ?? {}) as Record<string, unknown>)]),
          order: 's.ordinal, s.id',
        }),
      days: toMany('ConferenceDay', (owner, day) => `${day}.conference_id = ${owner}.id`, (day) => `${day}.number, ${day}.id`),
      topics: related('Topic', relations.topicsOfConference),
      topicAssignments: topicAssignments('conference_topic', 'conference_id'),
      // Earlier editions that the annexes of this edition's sources list (two editions of one year: by id).
      priorConferences: toMany(
        'Conference',
        (owner, prior) => `${prior}.year < ${owner}.year and ${prior}.id in (select ac.conference_id from annex_conference ac
          join annex a on a.id = ac.annex_id join conference_source cs on cs.source_id = a.source_id where cs.conference_id = ${owner}.id)`,
        (prior) => `${prior}.year, ${prior}.id`,
      ),
      objectives: toMany('Objective', (owner, objective) => `${objective}.conference_id = ${owner}.id`, byOrdinal),
      contacts: toMany('Contact', (owner, contact) => `${contact}.conference_id = ${owner}.id`, (contact) => `${contact}.id`),
      sources: toMany('Source', (owner, source) => `${source}.id in (select source_id from conference_source where conference_id = ${owner}.id)`, (source) => `${source}.id`),
      annexes: toMany(
        'Annex',
        (owner, annex) => `${annex}.source_id in (select source_id from conference_source where conference_id = ${owner}.id)`,
        (annex) => `${annex}.source_id, ${annex}.label, ${annex}.id`,
      ),
      citations: citations(CitedKind.CONFERENCE),
      claims: claimsOf('Conference'),
      outcomes: toMany('Outcome', (owner, outcome) => `${outcome}.conference_id = ${owner}.id`, byOrdinal),
      attendance: toMany('Attendance', (owner, attendance) => `${attendance}.conference_id = ${owner}.id`, (attendance) => `${attendance}.id`),
      // Read from the conference's own row, as the resolver builds it from the conference.
      programmeCoverage: (compilation, row, field) => compilation.object('ProgrammeCoverage', row, field.nodes),
    },
  },
  ProgrammeCoverage: {
    table: 'conference',
    fields: {
      completeness: column('programme_completeness'),
      note: column('programme_note'),
      citations: citations(CitedKind.PROGRAMME_COMPLETENESS),
    },
  },
  Outcome: {
    table: 'conference_outcome',
    fields: { kind: column('kind'), text: column('text'), citations: citations(CitedKind.CONFERENCE_OUTCOME) },
  },
  Attendance: {
    table: 'attendance',
    fields: {
      figure: column('figure'),
      kind: column('kind'),
      approximate: column('approximate'),
      counts: column('counts'),
      seriesWide: (_compilation, row) => `(${row}.conference_id is null)`,
      conference: toOne('Conference', 'conference_id'),
      series: toOne('ConferenceSeries', 'series_id'),
      citations: citations(CitedKind.ATTENDANCE),
    },
  },
  Document: {
    table: 'document',
    fields: {
      id: globalId('Document'),
      key: column('key'),
      title: column('title'),
      kind: column('kind'),
      description: column('description'),
      version: column('version'),
      sessions: toMany('SessionDocument', (owner, link) => `${link}.document_id = ${owner}.id`, sessionLinkOrder),
      topics: related('Topic', relations.topicsOfDocument),
      topicAssignments: topicAssignments('document_topic', 'document_id'),
      citations: citations(CitedKind.DOCUMENT),
    },
  },
  SessionDocument: {
    table: 'session_document',
    fields: {
      action: column('action'),
      session: toOne('Session', 'session_id'),
      document: toOne('Document', 'document_id'),
      citations: citations(CitedKind.SESSION_DOCUMENT),
    },
  },
  Venue: {
    table: 'conference',
    fields: { name: column('venue_name'), city: column('venue_city') },
  },
  ConferenceSeries: {
    table: 'conference_series',
    fields: {
      id: globalId('ConferenceSeries'),
      slug: column('slug'),
      name: column('name'),
      organiser: toOne('Organisation', 'organiser_id'),
      conferences: relatedPage('Conference', relations.conferencesOfSeries),
      sphere: column('sphere'),
      province: column('province'),
      attendance: toMany('Attendance', (owner, attendance) => `${attendance}.series_id = ${owner}.id and ${attendance}.conference_id is null`, (attendance) => `${attendance}.id`),
      citations: citations(CitedKind.CONFERENCE_SERIES),
      claims: claimsOf('ConferenceSeries'),
    },
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
        const { json, joins } = compilation.objectWithJoins('Participation', chair, field.nodes);
        return `(select ${json} from participation ${chair} ${joins}
          where ${chair}.day_id = ${row}.id and ${chair}.role = 'CHAIRPERSON' order by ${byOrdinal(chair)} limit 1)`;
      },
      participants: withRole((roleOf) => toMany('Participation', (owner, participation) => `${participation}.day_id = ${owner}.id and ${roleOf(participation)}`, byOrdinal)),
      sessions: toMany('Session', (owner, session) => `${session}.day_id = ${owner}.id and ${session}.parent_id is null`, byOrdinal),
      citations: citations(CitedKind.CONFERENCE_DAY),
      claims: claimsOf('ConferenceDay'),
    },
  },
  Session: {
    table: '"session"',
    fields: {
      id: globalId('Session'),
      ref: column('ref'),
      ordinal: column('ordinal'),
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
      topics: related('Topic', relations.topicsOfSession),
      topicAssignments: topicAssignments('session_topic', 'session_id'),
      citations: citations(CitedKind.SESSION),
      claims: claimsOf('Session'),
      documents: toMany('SessionDocument', (owner, link) => `${link}.session_id = ${owner}.id`, (link) => `${link}.id`),
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
      topics: related('Topic', relations.topicsOfPerson),
      activity: activityOf('Person'),
      possibleDuplicates: toMany('PossibleDuplicate', (owner, duplicate) => `${duplicate}.person_id = ${owner}.id`, (duplicate) => `${duplicate}.score desc, ${duplicate}.id`),
      citations: citations(CitedKind.PERSON),
      claims: claimsOf('Person'),
    },
  },
  Position: {
    table: '"position"',
    fields: {
      id: globalId('Position'),
      title: column('title'),
      rank: (_compilation, row) => rankOfTitleSql(`${row}.title`),
      asOf: column('as_of'),
      acting: column('acting'),
      version: column('version'),
      organisation: toOne('Organisation', 'organisation_id'),
      person: toOne('Person', 'person_id'),
      citations: citations(CitedKind.POSITION),
      claims: claimsOf('Position'),
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
      topics: related('Topic', relations.topicsOfOrganisation),
      topicAssignments: topicAssignments('organisation_topic', 'organisation_id'),
      // Units in the order their source lists them, then those no source orders, by name.
      children: toMany('Organisation', (owner, child) => `${child}.parent_id = ${owner}.id`, (child) => `${child}.ordinal nulls last, ${child}.name, ${child}.id`),
      people: relatedPage('Person', relations.peopleOfOrganisation),
      sessions: relatedPage('Session', relations.sessionsOfOrganisation),
      activity: activityOf('Organisation'),
      citations: citations(CitedKind.ORGANISATION),
      claims: claimsOf('Organisation'),
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
      sessions: sessionsOfTopic,
      conferences: related('Conference', relations.conferencesOfTopic),
      people: related('Person', relations.peopleOfTopic),
      organisations: related('Organisation', relations.organisationsOfTopic),
      documents: related('Document', relations.documentsOfTopic),
      timeline: topicTimelineField,
      claims: claimsOf('Topic'),
      activity: activityOf('Topic'),
    },
  },
  TopicAssignment: {
    table: 'session_topic',
    fields: { topic: toOne('Topic', 'topic_id'), origin: column('origin'), evidence: column('evidence') },
  },
  PossibleDuplicate: {
    table: 'possible_duplicate',
    fields: { person: toOne('Person', 'candidate_id'), reasons: column('reasons'), score: column('score') },
  },
  Objective: { table: 'objective', fields: { group: column('"group"'), text: column('text') } },
  Contact: {
    table: 'contact',
    fields: { name: column('name'), phone: column('phone'), email: column('email'), organisation: toOne('Organisation', 'organisation_id') },
  },
  Annex: {
    table: 'annex',
    fields: {
      id: globalId('Annex'),
      label: column('label'),
      description: column('description'),
      available: column('available'),
      version: column('version'),
      source: toOne('Source', 'source_id'),
      conferences: toMany(
        'Conference',
        (owner, conference) => `${conference}.id in (select conference_id from annex_conference where annex_id = ${owner}.id)`,
        (conference) => `${conference}.year, ${conference}.id`,
      ),
      citations: citations(CitedKind.SOURCE_ANNEX),
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
      annexes: toMany('Annex', (owner, annex) => `${annex}.source_id = ${owner}.id`, (annex) => `${annex}.label, ${annex}.id`),
    },
  },
  TopicYear: topicYearRecord,
  ConferenceComparison: conferenceComparisonRecord,
  Change: changeRecord,
  Claim: claimRecord,
};
