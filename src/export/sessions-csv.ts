import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Participation, Session } from '../entities/index.js';
import { sessionOrder, sessionWhere } from '../resolvers/session-query.js';
import { positionCriteriaWhere } from '../resolvers/position-criteria.js';
import { globalIdOf, parseGlobalId } from '../schema/global-id.js';
import { toCsv, type CsvValue } from './csv.js';
import type { SessionsInput } from './input.js';

export const sessionsHeader = [
  'conference_year',
  'conference_title',
  'day',
  'session_ordinal',
  'session_kind',
  'session_number',
  'session_title',
  'parent_title',
  'key_issues',
  'role',
  'person',
  'honorific',
  'initials',
  'surname',
  'position_title',
  'acting',
  'organisation',
  'organisation_acronym',
  'session_id',
  'person_id',
] as const;

/**
 * The participations a filter asks about. Person, organisation, role,
 * position title and rank select sessions (as the API does) and also the rows
 * within them: asking for presenters gives presenters' rows, not their
 * sessions' facilitators too.
 */
async function participationWhere(em: EntityManager, filter: SessionsInput): Promise<FilterQuery<Participation> | undefined> {
  const where: Record<string, unknown> = {};
  if (filter.personId !== undefined) where.person = parseGlobalId(filter.personId, 'personId', ['Person']).id;
  const position: Record<string, unknown> = { ...(await positionCriteriaWhere(em, filter, 'filter')) };
  if (filter.organisationId !== undefined) position.organisation = parseGlobalId(filter.organisationId, 'organisationId', ['Organisation']).id;
  if (Object.keys(position).length > 0) where.position = position;
  if (filter.role !== undefined) where.role = filter.role;
  return Object.keys(where).length > 0 ? (where as FilterQuery<Participation>) : undefined;
}

/**
 * One row per participation in the sessions the API's SessionFilter selects,
 * in programme order; a session nobody is listed for still gets one row with
 * the participant columns empty. Day chairs belong to a day, not a session,
 * and are not listed (the JSON-LD and iCalendar exports carry them).
 */
export async function sessionsCsv(em: EntityManager, filter: SessionsInput): Promise<string> {
  const sessions = await em.find(Session, await sessionWhere(em, filter), {
    populate: ['conference', 'day', 'parent'],
    orderBy: sessionOrder,
  });
  const narrowed = await participationWhere(em, filter);
  const participations = sessions.length
    ? await em.find(
        Participation,
        { $and: [{ session: { $in: sessions.map((session) => session.id) } }, narrowed ?? {}] } as FilterQuery<Participation>,
        { populate: ['person', 'position.organisation'], orderBy: { ordinal: 'asc', id: 'asc' } },
      )
    : [];
  const bySession = new Map<number, Participation[]>();
  for (const participation of participations) {
    const id = participation.session!.id;
    bySession.set(id, [...(bySession.get(id) ?? []), participation]);
  }

  const rows: CsvValue[][] = [];
  for (const session of sessions) {
    const sessionColumns: CsvValue[] = [
      session.conference.year,
      session.conference.title,
      session.day?.number,
      session.ordinal,
      session.kind,
      session.number,
      session.title,
      session.parent?.title,
      session.keyIssues.join('; '),
    ];
    const people = bySession.get(session.id) ?? [];
    if (people.length === 0) rows.push([...sessionColumns, ...Array<CsvValue>(9).fill(null), globalIdOf('Session', session.id), null]);
    for (const { role, person, position } of people) {
      rows.push([
        ...sessionColumns,
        role,
        person.displayName,
        person.honorific,
        person.initials,
        person.surname,
        position?.title,
        position?.acting,
        position?.organisation?.name,
        position?.organisation?.acronym,
        globalIdOf('Session', session.id),
        globalIdOf('Person', person.id),
      ]);
    }
  }
  return toCsv(sessionsHeader, rows);
}
