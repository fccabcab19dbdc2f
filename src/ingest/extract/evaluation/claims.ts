import type { CorpusFile, OrganisationInput, ParticipationInput, SessionInput } from '../../corpus.schema.js';
import type { Draft, Sphere } from '../extract-draft.js';

/** An organisation as the draft names it. */
export type ClaimedOrganisation = { name: string; acronym?: string; aliases: string[] };

export type ClaimedPerson = {
  /** The person's draft key, which `known` links by. */
  key: string;
  honorific?: string;
  initials?: string;
  givenNames?: string;
  surname: string;
  offices: Array<{ title: string; organisation?: ClaimedOrganisation }>;
  roles: Set<ParticipationInput['role']>;
};

export type ClaimedConference = {
  series: { name: string; sphere?: Sphere; province?: string };
  year: number;
  startDate?: string;
  endDate?: string;
  venue?: string;
  town?: string;
  theme?: string;
  subThemes: string[];
  attendance?: { figure: number; approximate?: boolean };
};

/** Everything a draft states that the answer keys score, read the way an editor reviewing it would. */
export type Claims = { conference?: ClaimedConference; people: ClaimedPerson[]; organisations: ClaimedOrganisation[] };

function* participationsIn(sessions: SessionInput[]): Generator<ParticipationInput> {
  for (const session of sessions) {
    yield* session.participants;
    yield* participationsIn(session.children);
  }
}

function organisationOf(organisations: OrganisationInput[], key: string | undefined): ClaimedOrganisation | undefined {
  const found = organisations.find((organisation) => organisation.key === key);
  return found && { name: found.name, aliases: found.aliases, ...(found.acronym ? { acronym: found.acronym } : {}) };
}

function conferenceClaims(draft: CorpusFile, pending: Draft['pending']): ClaimedConference | undefined {
  const conference = draft.conferences[0];
  if (!conference) return undefined;
  const series = draft.series.find((entry) => entry.slug === conference.series);
  const daySubThemes = conference.days.flatMap((day) => (day.subTheme ? [day.subTheme] : []));
  const figure = pending.attendance?.figure ?? conference.expectedAttendance;
  return {
    series: {
      name: series?.name ?? conference.series,
      ...(pending.series ? { sphere: pending.series.sphere } : {}),
      ...(pending.series?.province ? { province: pending.series.province } : {}),
    },
    year: conference.year,
    ...(conference.startDate ? { startDate: conference.startDate } : {}),
    ...(conference.endDate ? { endDate: conference.endDate } : {}),
    ...(conference.venue ? { venue: conference.venue.name } : {}),
    ...(conference.venue?.city ? { town: conference.venue.city } : {}),
    ...(conference.theme ? { theme: conference.theme } : {}),
    subThemes: [...new Set([...pending.subThemes.map((subTheme) => subTheme.value), ...daySubThemes])],
    ...(figure !== undefined ? { attendance: { figure, ...(pending.attendance ? { approximate: pending.attendance.approximate } : {}) } } : {}),
  };
}

/** What the draft claims: the conference, the people with their offices and roles, and the organisations. */
export function claimsOf({ draft, pending }: Draft): Claims {
  const roles = new Map<string, Set<ParticipationInput['role']>>();
  const addRole = (person: string, role: ParticipationInput['role']) => roles.set(person, (roles.get(person) ?? new Set()).add(role));
  for (const conference of draft.conferences) {
    for (const day of conference.days) {
      if (day.chair) addRole(day.chair.person, 'CHAIRPERSON');
      for (const participation of participationsIn(day.sessions)) addRole(participation.person, participation.role);
    }
  }
  for (const { person, role } of pending.roles) addRole(person, role);

  const people = draft.people.map(
    (person): ClaimedPerson => ({
      key: person.key,
      surname: person.surname,
      ...(person.honorific ? { honorific: person.honorific } : {}),
      ...(person.initials ? { initials: person.initials } : {}),
      ...(person.givenNames ? { givenNames: person.givenNames } : {}),
      offices: person.positions.map((position) => {
        const organisation = organisationOf(draft.organisations, position.organisation);
        return { title: `${position.acting ? 'Acting ' : ''}${position.title}`, ...(organisation ? { organisation } : {}) };
      }),
      roles: roles.get(person.key) ?? new Set(),
    }),
  );
  const conference = conferenceClaims(draft, pending);
  return {
    ...(conference ? { conference } : {}),
    people,
    organisations: draft.organisations.map((organisation) => organisationOf(draft.organisations, organisation.key)!),
  };
}
