import type { EntityManager } from '@mikro-orm/postgresql';
import { foldTitle, type PositionRank } from '../entities/position-rank.js';
import { toCsv, type CsvValue } from './csv.js';
import type { SessionsInput } from './input.js';
import { ExportInputError } from './errors.js';
import { everyNode, RequirementFailed, type Connection } from './read-floor.js';
import { parseGlobalId } from '../schema/global-id.js';

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

const SESSIONS = `query ExportSessions($filter: SessionFilter, $role: ParticipationRole, $after: String) {
  sessions(filter: $filter, first: 100, after: $after) {
    nodes {
      id conference { year title } day { number } ordinal kind number title parent { title } keyIssues
      participants(role: $role) {
        role
        person { id displayName honorific initials surname }
        position { title rank acting organisation { id name acronym } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Participant = {
  role: string;
  person: { id: string; displayName: string; honorific: string | null; initials: string | null; surname: string };
  position: { title: string; rank: PositionRank | null; acting: boolean; organisation: { id: string; name: string; acronym: string | null } | null } | null;
};

type SessionRow = {
  id: string;
  conference: { year: number; title: string };
  day: { number: number } | null;
  ordinal: number;
  kind: string;
  number: number | null;
  title: string;
  parent: { title: string } | null;
  keyIssues: string[];
  participants: Participant[];
};

/**
 * The participations a filter asks about. Person, organisation, role,
 * position title and rank select sessions (as the API does) and also the rows
 * within them: asking for presenters gives presenters' rows, not their
 * sessions' facilitators too.
 */
function asked(filter: SessionsInput): (participant: Participant) => boolean {
  const person = filter.personId === undefined ? undefined : parseGlobalId(filter.personId, 'personId', ['Person']).id;
  const organisation = filter.organisationId === undefined ? undefined : parseGlobalId(filter.organisationId, 'organisationId', ['Organisation']).id;
  const idOf = (globalId: string | undefined) => (globalId === undefined ? undefined : parseGlobalId(globalId, 'id').id);
  const titlePart = filter.positionTitle === undefined ? undefined : foldTitle(filter.positionTitle);
  return (participant) =>
    (person === undefined || idOf(participant.person.id) === person) &&
    (organisation === undefined || idOf(participant.position?.organisation?.id) === organisation) &&
    (titlePart === undefined || (participant.position !== null && foldTitle(participant.position.title).includes(titlePart))) &&
    (filter.rank === undefined || participant.position?.rank === filter.rank);
}

/**
 * One row per participation in the sessions the API's SessionFilter selects,
 * in programme order; a session nobody is listed for still gets one row with
 * the participant columns empty. Day chairs belong to a day, not a session,
 * and are not listed (the JSON-LD and iCalendar exports carry them).
 */
export async function sessionsCsv(em: EntityManager, filter: SessionsInput): Promise<string> {
  const sessions = await everyNode<SessionRow>(em, SESSIONS, { filter, role: filter.role ?? null }, (data) => (data as { sessions: Connection<SessionRow> }).sessions).catch(
    (error: unknown) => {
      // The one requirement a session filter stands on: its topic slug names a topic. The API refuses it; so does the file.
      if (error instanceof RequirementFailed) throw new ExportInputError('topicSlug', `topicSlug: no topic has the slug "${filter.topicSlug}"`);
      throw error;
    },
  );
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
    const people = session.participants.filter(asked(filter));
    if (people.length === 0) rows.push([...sessionColumns, ...Array<CsvValue>(9).fill(null), session.id, null]);
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
        session.id,
        person.id,
      ]);
    }
  }
  return toCsv(sessionsHeader, rows);
}
