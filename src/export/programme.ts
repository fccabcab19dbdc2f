import type { EntityManager } from '@mikro-orm/postgresql';
import type { ParticipationRole, SessionKind } from '../entities/enums.js';
import { ExportNotFoundError } from './errors.js';
import type { EditionInput } from './input.js';
import { readThroughFloor, type Connection } from './read-floor.js';

// The records below are the API's answers to the queries further down, field for field.

/** An organisation as the programme names it. */
export type ProgrammeOrganisation = { id: string; name: string; acronym: string | null };

export type ProgrammePerson = { id: string; displayName: string; honorific: string | null; givenNames: string | null; surname: string };
export type ProgrammePosition = { title: string; acting: boolean; organisation: ProgrammeOrganisation | null };

/** One person in one role, with the position the source gave them then; ids are the API's global ids. */
export type ProgrammeParticipant = { id: string; role: ParticipationRole; person: ProgrammePerson; position: ProgrammePosition | null };

export type SessionAnswer = {
  id: string;
  kind: SessionKind;
  number: number | null;
  title: string;
  description: string | null;
  keyIssues: string[];
  day: { id: string } | null;
  parent: { id: string } | null;
  participants: ProgrammeParticipant[];
};

export type DayAnswer = { id: string; number: number; date: string | null; subTheme: string | null; participants: ProgrammeParticipant[] };

type ConferenceAnswer = {
  id: string;
  title: string;
  theme: string | null;
  startDate: string | null;
  endDate: string | null;
  venue: { name: string; city: string | null } | null;
  audience: string | null;
  series: { id: string; name: string; organiser: ProgrammeOrganisation | null };
  days: DayAnswer[];
  sessions: Connection<SessionAnswer>;
  citations: Array<{ source: ProgrammeSource }>;
};

/** A source cited for the edition itself. */
export type ProgrammeSource = { id: string; title: string; url: string | null; issuedOn: string | null; updatedOn: string | null };
export type ProgrammeSession = { session: SessionAnswer; children: ProgrammeSession[] };
/** A day with those who took part in it as a whole (its chairs) and its top-level sessions. */
export type ProgrammeDay = { day: Omit<DayAnswer, 'participants'>; participants: ProgrammeParticipant[]; sessions: ProgrammeSession[] };

/** One edition with everything its programme shows. */
export type Programme = {
  conference: Omit<ConferenceAnswer, 'days' | 'sessions' | 'citations'>;
  days: ProgrammeDay[];
  /** Top-level sessions in programme order, each with its children. */
  sessions: ProgrammeSession[];
  /** Sources cited for the edition itself, in order of first citation. */
  sources: ProgrammeSource[];
};

const FRAGMENTS = `
fragment ProgrammeParticipant on Participation {
  id role
  person { id displayName honorific givenNames surname }
  position { title acting organisation { id name acronym } }
}
fragment ProgrammeSession on Session {
  id kind number title description keyIssues day { id } parent { id }
  participants { ...ProgrammeParticipant }
}`;

// A page holds the whole programme of any edition the sources describe; a longer one is read on, page by page.
const PROGRAMME = `query ExportProgramme($series: String!, $year: Int!) {
  conference(seriesSlug: $series, year: $year) {
    id title theme startDate endDate venue { name city } audience
    series { id name organiser { id name acronym } }
    days { id number date subTheme participants { ...ProgrammeParticipant } }
    sessions(first: 100) { nodes { ...ProgrammeSession } pageInfo { hasNextPage endCursor } }
    citations { source { id title url issuedOn updatedOn } }
  }
}${FRAGMENTS}`;

const MORE_SESSIONS = `query ExportProgrammeSessions($series: String!, $year: Int!, $after: String!) {
  conference(seriesSlug: $series, year: $year) {
    sessions(first: 100, after: $after) { nodes { ...ProgrammeSession } pageInfo { hasNextPage endCursor } }
  }
}${FRAGMENTS}`;

type Answer<Conference> = { conference: Conference | null };

/** The edition's conference record, or a not-found error that names the edition asked for. */
async function editionRecord<Conference>(em: EntityManager, query: string, variables: Record<string, unknown>, { series, year }: EditionInput) {
  const conference = (await readThroughFloor<Answer<Conference>>(em, query, { ...variables, series, year }))?.conference;
  if (!conference) throw new ExportNotFoundError(`no conference of the series "${series}" in ${year}`);
  return conference;
}

/**
 * An edition's programme read through the read floor, as the API answers it:
 * one statement (one more per further hundred sessions). Sessions are
 * nested under their parents, and each day lists its top-level sessions.
 */
export async function readProgramme(em: EntityManager, edition: EditionInput): Promise<Programme> {
  const { days, sessions: page, citations, ...conference } = await editionRecord<ConferenceAnswer>(em, PROGRAMME, {}, edition);
  const sessions = [...page.nodes];
  let { pageInfo } = page;
  while (pageInfo.hasNextPage) {
    const more = (await editionRecord<{ sessions: Connection<SessionAnswer> }>(em, MORE_SESSIONS, { after: pageInfo.endCursor }, edition)).sessions;
    sessions.push(...more.nodes);
    pageInfo = more.pageInfo;
  }

  const nodes = new Map<string, ProgrammeSession>(sessions.map((session) => [session.id, { session, children: [] }]));
  const topLevel: ProgrammeSession[] = [];
  // Ordinals put parents before their children, so each parent is placed first.
  for (const node of nodes.values()) {
    const parent = node.session.parent && nodes.get(node.session.parent.id);
    if (parent) parent.children.push(node);
    else topLevel.push(node);
  }

  return {
    conference,
    days: days.map(({ participants, ...day }) => ({
      day,
      participants,
      sessions: topLevel.filter((node) => node.session.day?.id === day.id),
    })),
    sessions: topLevel,
    sources: [...new Map(citations.map(({ source }) => [source.id, source])).values()],
  };
}
