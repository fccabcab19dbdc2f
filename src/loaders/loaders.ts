import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  Annex,
  Citation,
  Conference,
  ConferenceDay,
  ConferenceSeries,
  ConferenceTopic,
  Contact,
  Objective,
  Organisation,
  OrganisationTopic,
  Participation,
  Person,
  Position,
  PossibleDuplicate,
  Session,
  SessionTopic,
  Source,
  Topic,
} from '../entities/index.js';
import type { CitedKind } from '../entities/enums.js';
import type { SessionFilter } from '../resolvers/filters.input.js';
import { sessionOrder, sessionWhere } from '../resolvers/session-query.js';
import { rankedIds, relatedIds } from './ranked-ids.js';
import { relations } from './relations.js';

type WithId = { id: number };

/** Loads entities by primary key, one query per batch, answering null for ids nothing has. */
function byId<T extends WithId>(em: EntityManager, entity: EntityClass<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const found = await em.find(entity, { id: { $in: [...ids] } } as never);
    const index = new Map(found.map((row) => [row.id, row]));
    return ids.map((id) => index.get(id) ?? null);
  });
}

/**
 * Loads the rows that point at each key through `foreignKey`, in `orderBy`
 * order, one query per batch.
 */
function groupedBy<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: string,
  orderBy: Record<string, 'asc' | 'desc'>,
  where: object = {},
) {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await em.find(entity, { ...where, [foreignKey]: { $in: [...keys] } } as never, { orderBy: orderBy as never });
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) {
      const owner = (row as Record<string, unknown>)[foreignKey] as WithId;
      groups.get(owner.id)?.push(row);
    }
    return keys.map((key) => groups.get(key)!);
  });
}

/** Loads id pairs from a link table, one query per batch. */
function pairsFrom(em: EntityManager, table: string, ownerColumn: string, targetColumn: string) {
  return new DataLoader<number, number[]>(async (keys) => {
    const rows = await em.execute<Array<Record<string, number>>>(
      `select ${ownerColumn} as owner, ${targetColumn} as target from ${table}
        where ${ownerColumn} in (select value::int from jsonb_array_elements_text(?::jsonb)) order by ${targetColumn}`,
      [JSON.stringify(keys)],
    );
    const groups = new Map<number, number[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(row.owner)!.push(row.target);
    return keys.map((key) => groups.get(key)!);
  });
}

/**
 * The sessions of each conference that pass a filter, in programme order:
 * one statement per distinct filter in a batch. Programmes are short, so
 * pages are cut from the whole list.
 */
function sessionsOfConference(em: EntityManager) {
  return new DataLoader<{ conference: number; filter?: SessionFilter }, Session[], string>(
    async (keys) => {
      const byFilter = new Map<string, { filter?: SessionFilter; conferences: number[] }>();
      for (const key of keys) {
        const filterKey = JSON.stringify(key.filter ?? {});
        const group = byFilter.get(filterKey) ?? { filter: key.filter, conferences: [] };
        group.conferences.push(key.conference);
        byFilter.set(filterKey, group);
      }
      const found = new Map<string, Session[]>();
      for (const [filterKey, { filter, conferences }] of byFilter) {
        const sessions = await em.find(
          Session,
          { $and: [{ conference: { $in: conferences } }, sessionWhere(filter)] } as never,
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

/**
 * Every loader a request may use, bound to that request's EntityManager
 * fork. Built per request, so nothing is cached across requests.
 */
export function createLoaders(em: EntityManager) {
  return {
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

    objectivesOfConference: groupedBy(em, Objective, 'conference', { ordinal: 'asc' }),
    contactsOfConference: groupedBy(em, Contact, 'conference', { id: 'asc' }),
    daysOfConference: groupedBy(em, ConferenceDay, 'conference', { number: 'asc' }),
    conferencesOfSeries: groupedBy(em, Conference, 'series', { year: 'desc' }),
    sessionsOfDay: groupedBy(em, Session, 'day', { ordinal: 'asc' }, { parent: null }),
    childrenOfSession: groupedBy(em, Session, 'parent', { ordinal: 'asc' }),
    participationsOfSession: groupedBy(em, Participation, 'session', { ordinal: 'asc', id: 'asc' }),
    chairsOfDay: groupedBy(em, Participation, 'day', { ordinal: 'asc', id: 'asc' }),
    participationsOfPerson: groupedBy(em, Participation, 'person', { id: 'asc' }),
    positionsOfPerson: groupedBy(em, Position, 'person', { asOf: 'asc', id: 'asc' }),
    positionsAtOrganisation: groupedBy(em, Position, 'organisation', { id: 'asc' }),
    childrenOfOrganisation: groupedBy(em, Organisation, 'parent', { name: 'asc' }),
    annexesOfSource: groupedBy(em, Annex, 'source', { label: 'asc' }),
    duplicatesOfPerson: groupedBy(em, PossibleDuplicate, 'person', { score: 'desc', id: 'asc' }),
    topicLinksOfSession: groupedBy(em, SessionTopic, 'session', { id: 'asc' }),
    topicLinksOfConference: groupedBy(em, ConferenceTopic, 'conference', { id: 'asc' }),
    topicLinksOfOrganisation: groupedBy(em, OrganisationTopic, 'organisation', { id: 'asc' }),
    sessionLinksOfTopic: groupedBy(em, SessionTopic, 'topic', { id: 'asc' }),
    conferenceLinksOfTopic: groupedBy(em, ConferenceTopic, 'topic', { id: 'asc' }),
    organisationLinksOfTopic: groupedBy(em, OrganisationTopic, 'topic', { id: 'asc' }),

    conferenceIdsOfAnnex: pairsFrom(em, 'annex_conference', 'annex_id', 'conference_id'),
    sourceIdsOfConference: pairsFrom(em, 'conference_source', 'conference_id', 'source_id'),

    conferencePageOfSeries: rankedIds(em, relations.conferencesOfSeries),
    sessionPageOfTopic: rankedIds(em, relations.sessionsOfTopic),
    sessionPageOfOrganisation: rankedIds(em, relations.sessionsOfOrganisation),
    personPageOfOrganisation: rankedIds(em, relations.peopleOfOrganisation),
    conferenceIdsOfTopic: relatedIds(em, relations.conferencesOfTopic),
    personIdsOfTopic: relatedIds(em, relations.peopleOfTopic),
    organisationIdsOfTopic: relatedIds(em, relations.organisationsOfTopic),
    topicIdsOfConference: relatedIds(em, relations.topicsOfConference),
    topicIdsOfPerson: relatedIds(em, relations.topicsOfPerson),
    topicIdsOfSession: relatedIds(em, relations.topicsOfSession),
    topicIdsOfOrganisation: relatedIds(em, relations.topicsOfOrganisation),
    sessionsOfConference: sessionsOfConference(em),

    citations: new DataLoader<`${CitedKind}:${number}`, Citation[]>(async (keys) => {
      const pairs = keys.map((key) => key.split(':'));
      const rows = await em.find(
        Citation,
        { $or: pairs.map(([kind, id]) => ({ subjectKind: kind as CitedKind, subjectId: Number(id) })) },
        { orderBy: { id: 'asc' } },
      );
      const groups = new Map<string, Citation[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(`${row.subjectKind}:${row.subjectId}`)?.push(row);
      return keys.map((key) => groups.get(key)!);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
