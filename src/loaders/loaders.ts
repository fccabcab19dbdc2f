import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  Annex,
  Attendance,
  Citation,
  Claim,
  Conference,
  ConferenceDay,
  ConferenceSeries,
  ConferenceTopic,
  Contact,
  Document,
  DocumentTopic,
  Objective,
  Organisation,
  OrganisationTopic,
  Outcome,
  Participation,
  Person,
  Position,
  PossibleDuplicate,
  Session,
  SessionDocument,
  SessionTopic,
  Source,
  Topic,
} from '../entities/index.js';
import type { CitedKind } from '../entities/enums.js';
import type { SessionFilter } from '../resolvers/filters.input.js';
import { sessionOrder, sessionWhere } from '../resolvers/session-query.js';
import { rankedIds, relatedIds } from './ranked-ids.js';
import { activityLoader } from './activity.js';
import { facetLoader } from './facets.js';
import { RecordLoader } from './record-loader.js';
import { relations } from '../read/relations.js';
import { planJoins, primeJoined, type Join } from './joins.js';
import { arrayLiteral, findRecords, recordReader } from './records.js';
import type { CitationRecord, ClaimRecord, EntityRecord, SessionRecord } from './record-types.js';
import { sessionLinkOrder } from '../read/orders.js';

type Row = Record<string, unknown>;

/** Loads records by primary key, one query per batch, answering null for ids nothing has. */
function byId<E extends object>(em: EntityManager, entity: EntityClass<E>) {
  const reader = recordReader(em, entity);
  const sql = `select ${reader.columns('t')} from ${reader.table} t where t.id = any(?::int[])`;
  return new RecordLoader<EntityRecord<E>>(async (ids) => {
    const rows = await em.execute<Row[]>(sql, [arrayLiteral(ids)]);
    const index = new Map(rows.map((row) => [row.id as number, reader.read(row)]));
    return ids.map((id) => index.get(id) ?? null);
  });
}

/**
 * Loads the records whose `foreignKey` column points at each key, in
 * `orderBy` order (SQL over the row alias `t`), one query per batch, with
 * the records of `joins` primed into their loaders.
 */
function groupedBy<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  foreignKey: string,
  orderBy: string,
  options: { where?: string; joins?: Join[] } = {},
) {
  const reader = recordReader(em, entity);
  const { select, from, planned } = planJoins(em, 't', options.joins ?? []);
  const sql = `select ${reader.columns('t')}${select} from ${reader.table} t${from}
                where t.${foreignKey} = any(?::int[]) and ${options.where ?? 'true'} order by ${orderBy}`;
  return new DataLoader<number, Array<EntityRecord<E>>>(async (keys) => {
    const rows = await em.execute<Row[]>(sql, [arrayLiteral(keys)]);
    const groups = new Map<number, Array<EntityRecord<E>>>(keys.map((key) => [key, []]));
    for (const row of rows) {
      primeJoined(row, planned);
      groups.get(row[foreignKey] as number)?.push(reader.read(row));
    }
    return keys.map((key) => groups.get(key)!);
  });
}

/** Loads id pairs from a link table, one query per batch. */
function pairsFrom(em: EntityManager, table: string, ownerColumn: string, targetColumn: string) {
  const sql = `select ${ownerColumn} as owner, ${targetColumn} as target from ${table}
                where ${ownerColumn} = any(?::int[]) order by ${targetColumn}`;
  return new DataLoader<number, number[]>(async (keys) => {
    const rows = await em.execute<Array<Record<string, number>>>(sql, [arrayLiteral(keys)]);
    const groups = new Map<number, number[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(row.owner!)!.push(row.target!);
    return keys.map((key) => groups.get(key)!);
  });
}

/** The whole text of each source, which its record leaves out (READ_WHEN_ASKED in records.ts), one query per batch. */
function textOf(em: EntityManager) {
  return new DataLoader<number, string>(async (ids) => {
    const rows = await em.execute<Array<{ id: number; text: string }>>('select id, text from source where id = any(?::int[])', [arrayLiteral(ids)]);
    const texts = new Map(rows.map((row) => [row.id, row.text]));
    return ids.map((id) => texts.get(id) ?? new Error(`source ${id} is gone`));
  });
}

/**
 * The sessions of each conference that pass a filter, in programme order:
 * one statement per distinct filter in a batch. Programmes are short, so
 * pages are cut from the whole list.
 */
function sessionsOfConference(em: EntityManager) {
  return new DataLoader<{ conference: number; filter?: SessionFilter }, SessionRecord[], string>(
    async (keys) => {
      const byFilter = new Map<string, { filter?: SessionFilter; conferences: number[] }>();
      for (const key of keys) {
        const filterKey = JSON.stringify(key.filter ?? {});
        const group = byFilter.get(filterKey) ?? { filter: key.filter, conferences: [] };
        group.conferences.push(key.conference);
        byFilter.set(filterKey, group);
      }
      const found = new Map<string, SessionRecord[]>();
      for (const [filterKey, { filter, conferences }] of byFilter) {
        const sessions = await findRecords(
          em,
          Session,
          { $and: [{ conference: { $in: conferences } }, await sessionWhere(em, filter)] },
          { orderBy: sessionOrder },
        );
        for (const conference of conferences) found.set(`${conference}:${filterKey}`, []);
        for (const session of sessions) found.get(`${session.conference.id}:${filterKey}`)!.push(session);
      }
      return keys.map((key) => found.get(`${key.conference}:${JSON.stringify(key.filter ?? {})}`)!);
    },
    { cacheKeyFn: (key) => `${key.conference}:${JSON.stringify(key.filter ?? {})}` },
  );
}

/** The citations of each cited record, keyed `KIND:id`, in the order they were recorded: one query per batch. */
function citationsOf(em: EntityManager) {
  const reader = recordReader(em, Citation);
  const sql = `select ${reader.columns('t')} from ${reader.table} t
                 join unnest(?::cited_kind[], ?::int[]) as cited(kind, id) on t.subject_kind = cited.kind and t.subject_id = cited.id
                order by t.id`;
  return new DataLoader<`${CitedKind}:${number}`, CitationRecord[]>(async (keys) => {
    const pairs = keys.map((key) => key.split(':') as [CitedKind, string]);
    const rows = await em.execute<Row[]>(sql, [arrayLiteral(pairs.map(([kind]) => kind)), arrayLiteral(pairs.map(([, id]) => id))]);
    const groups = new Map<string, CitationRecord[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(`${row.subject_kind}:${row.subject_id}`)?.push(reader.read(row));
    return keys.map((key) => groups.get(key)!);
  });
}

/** The claims on each record, keyed `Type:id`, oldest first: one query per batch. */
function claimsOf(em: EntityManager) {
  const reader = recordReader(em, Claim);
  const sql = `select ${reader.columns('t')} from ${reader.table} t
                 join unnest(?::text[], ?::int[]) as claimed(type, id) on t.record_type = claimed.type and t.record_id = claimed.id
                order by t.id`;
  return new DataLoader<`${string}:${number}`, ClaimRecord[]>(async (keys) => {
    const pairs = keys.map((key) => key.split(':'));
    const rows = await em.execute<Row[]>(sql, [arrayLiteral(pairs.map(([type]) => type!)), arrayLiteral(pairs.map(([, id]) => id!))]);
    const groups = new Map<string, ClaimRecord[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(`${row.record_type}:${row.record_id}`)?.push(reader.read(row));
    return keys.map((key) => groups.get(key)!);
  });
}

/**
 * Every loader a request may use, bound to that request's EntityManager
 * fork. Built per request, so nothing is cached across requests.
 */
export function createLoaders(em: EntityManager) {
  const byIdLoaders = {
    conference: byId(em, Conference),
    series: byId(em, ConferenceSeries),
    day: byId(em, ConferenceDay),
    session: byId(em, Session),
    person: byId(em, Person),
    position: byId(em, Position),
    organisation: byId(em, Organisation),
    topic: byId(em, Topic),
    source: byId(em, Source),
    participation: byId(em, Participation),
    annex: byId(em, Annex),
    document: byId(em, Document),
  };
  const { conference, day, session, person, position, organisation } = byIdLoaders;
  const positionWithOrganisation: Join = { column: 'position_id', entity: Position, into: position, joins: [{ column: 'organisation_id', entity: Organisation, into: organisation }] };
  // Whoever lists participations shows who took part and in what position.
  const participationJoins: Join[] = [{ column: 'person_id', entity: Person, into: person }, positionWithOrganisation];
  return {
    ...byIdLoaders,

    objectivesOfConference: groupedBy(em, Objective, 'conference_id', 't.ordinal'),
    contactsOfConference: groupedBy(em, Contact, 'conference_id', 't.id'),
    daysOfConference: groupedBy(em, ConferenceDay, 'conference_id', 't.number'),
    conferencesOfSeries: groupedBy(em, Conference, 'series_id', 't.year desc'),
    sessionsOfDay: groupedBy(em, Session, 'day_id', 't.ordinal', { where: 't.parent_id is null' }),
    childrenOfSession: groupedBy(em, Session, 'parent_id', 't.ordinal'),
    participationsOfSession: groupedBy(em, Participation, 'session_id', 't.ordinal, t.id', { joins: participationJoins }),
    participationsOfDay: groupedBy(em, Participation, 'day_id', 't.ordinal, t.id', { joins: participationJoins }),
    participationsOfPerson: groupedBy(em, Participation, 'person_id', 't.id', {
      // A person's roles are shown with where and when: the session or day, and its edition.
      joins: [
        positionWithOrganisation,
        { column: 'session_id', entity: Session, into: session, joins: [{ column: 'conference_id', entity: Conference, into: conference }, { column: 'day_id', entity: ConferenceDay, into: day }] },
        { column: 'day_id', entity: ConferenceDay, into: day, joins: [{ column: 'conference_id', entity: Conference, into: conference }] },
      ],
    }),
    positionsOfPerson: groupedBy(em, Position, 'person_id', 't.as_of, t.id', { joins: [{ column: 'organisation_id', entity: Organisation, into: organisation }] }),
    positionsAtOrganisation: groupedBy(em, Position, 'organisation_id', 't.id'),
    // Units in the order their source lists them, then those no source orders, by name.
    childrenOfOrganisation: groupedBy(em, Organisation, 'parent_id', 't.ordinal nulls last, t.name, t.id'),
    annexesOfSource: groupedBy(em, Annex, 'source_id', 't.label'),
    duplicatesOfPerson: groupedBy(em, PossibleDuplicate, 'person_id', 't.score desc, t.id'),
    topicLinksOfSession: groupedBy(em, SessionTopic, 'session_id', 't.id'),
    topicLinksOfConference: groupedBy(em, ConferenceTopic, 'conference_id', 't.id'),
    topicLinksOfOrganisation: groupedBy(em, OrganisationTopic, 'organisation_id', 't.id'),
    sessionLinksOfTopic: groupedBy(em, SessionTopic, 'topic_id', 't.id'),
    conferenceLinksOfTopic: groupedBy(em, ConferenceTopic, 'topic_id', 't.id'),
    organisationLinksOfTopic: groupedBy(em, OrganisationTopic, 'topic_id', 't.id'),

    outcomesOfConference: groupedBy(em, Outcome, 'conference_id', 't.ordinal, t.id'),
    attendanceOfConference: groupedBy(em, Attendance, 'conference_id', 't.id'),
    attendanceOfSeries: groupedBy(em, Attendance, 'series_id', 't.id', { where: 't.conference_id is null' }),
    documentLinksOfSession: groupedBy(em, SessionDocument, 'session_id', 't.id'),
    // What sessions did with a document, in programme order (editions oldest first).
    sessionLinksOfDocument: groupedBy(em, SessionDocument, 'document_id', sessionLinkOrder('t')),
    topicLinksOfDocument: groupedBy(em, DocumentTopic, 'document_id', 't.id'),
    documentIdsOfTopic: relatedIds(em, relations.documentsOfTopic),
    topicIdsOfDocument: relatedIds(em, relations.topicsOfDocument),

    textOfSource: textOf(em),

    conferenceIdsOfAnnex: pairsFrom(em, 'annex_conference', 'annex_id', 'conference_id'),
    sourceIdsOfConference: pairsFrom(em, 'conference_source', 'conference_id', 'source_id'),

    conferencePageOfSeries: rankedIds(em, relations.conferencesOfSeries),
    sessionPageOfTopic: rankedIds(em, relations.sessionsOfTopic),
    sessionPageOfOrganisation: rankedIds(em, relations.sessionsOfOrganisation),
    personPageOfOrganisation: rankedIds(em, relations.peopleOfOrganisation),
    // Every record of a paged relation, for the facets of its connection.
    conferenceIdsOfSeries: relatedIds(em, relations.conferencesOfSeries),
    sessionIdsOfTopic: relatedIds(em, relations.sessionsOfTopic),
    sessionIdsOfOrganisation: relatedIds(em, relations.sessionsOfOrganisation),
    personIdsOfOrganisation: relatedIds(em, relations.peopleOfOrganisation),
    conferenceIdsOfTopic: relatedIds(em, relations.conferencesOfTopic),
    personIdsOfTopic: relatedIds(em, relations.peopleOfTopic),
    organisationIdsOfTopic: relatedIds(em, relations.organisationsOfTopic),
    topicIdsOfConference: relatedIds(em, relations.topicsOfConference),
    topicIdsOfPerson: relatedIds(em, relations.topicsOfPerson),
    topicIdsOfSession: relatedIds(em, relations.topicsOfSession),
    topicIdsOfOrganisation: relatedIds(em, relations.topicsOfOrganisation),
    sessionsOfConference: sessionsOfConference(em),

    citations: citationsOf(em),
    activity: activityLoader(em),
    facets: facetLoader(em),
    claims: claimsOf(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
