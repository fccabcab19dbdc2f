import { positionTitle, roleName } from './labels.js';
import type { Programme, ProgrammeOrganisation, ProgrammeParticipant, ProgrammePerson, ProgrammePosition, ProgrammeSession } from './programme.js';

/**
 * An edition as schema.org JSON-LD: an Event whose subEvents are the
 * programme's sessions (children nested under their parent), in programme
 * order.
 *
 * Who did what uses schema.org's Role pattern: the Event's `performer` (the
 * property schema.org describes as "a presenter, musician, ...") holds a
 * Role whose `roleName` is "Facilitator", "Panellist", ... and whose own
 * `performer` is the Person. A day's chairperson is such a Role on the
 * whole conference, with the day in its description and the day's date, when
 * known, as its startDate. A person's position at the time is the same
 * pattern on `worksFor`: an OrganizationRole with the position title as
 * `roleName` and the Organization as its `worksFor`; a position without an
 * organisation is a `hasOccupation` Occupation.
 *
 * Sources go in `subjectOf` as CreativeWorks: schema.org defines `citation`
 * on CreativeWork only, and `subjectOf` is the Thing property for "a
 * CreativeWork about this Thing". Ids are the API's global ids, in
 * `identifier`; `@id` is left out because the records have no public URLs.
 */
export type JsonLd = Record<string, unknown>;

const compact = (object: JsonLd): JsonLd =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)));

function organization(organisation: ProgrammeOrganisation): JsonLd {
  return compact({
    '@type': 'Organization',
    identifier: organisation.id,
    name: organisation.name,
    alternateName: organisation.acronym,
  });
}

function occupation(position: ProgrammePosition): JsonLd {
  if (!position.organisation) return { hasOccupation: { '@type': 'Occupation', name: positionTitle(position) } };
  return {
    worksFor: compact({
      '@type': 'OrganizationRole',
      roleName: position.title,
      description: position.acting ? positionTitle(position) : undefined,
      worksFor: organization(position.organisation),
    }),
  };
}

function person(someone: ProgrammePerson, position: ProgrammePosition | undefined): JsonLd {
  return compact({
    '@type': 'Person',
    identifier: someone.id,
    name: someone.displayName,
    honorificPrefix: someone.honorific,
    givenName: someone.givenNames,
    familyName: someone.surname,
    ...(position && occupation(position)),
  });
}

function role(participation: ProgrammeParticipant, extra: JsonLd = {}): JsonLd {
  return compact({
    '@type': 'Role',
    identifier: participation.id,
    roleName: roleName(participation.role),
    ...extra,
    performer: person(participation.person, participation.position ?? undefined),
  });
}

function sessionEvent({ session, children }: ProgrammeSession, dates: Map<string, string | undefined>): JsonLd {
  return compact({
    '@type': 'Event',
    identifier: session.id,
    name: session.title,
    description: session.description,
    startDate: session.day && dates.get(session.day.id),
    about: session.keyIssues.map((issue) => ({ '@type': 'Thing', name: issue })),
    performer: session.participants.map((participation) => role(participation)),
    subEvent: children.map((child) => sessionEvent(child, dates)),
  });
}

export function conferenceJsonLd({ conference, days, sessions, sources }: Programme): JsonLd {
  const dates = new Map(days.map(({ day }) => [day.id, day.date ?? undefined]));
  const organiser = conference.series.organiser;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    identifier: conference.id,
    name: conference.title,
    description: conference.theme,
    startDate: conference.startDate,
    endDate: conference.endDate,
    // "As scheduled" is what the sources announce; schema.org assumes it by default.
    eventStatus: 'https://schema.org/EventScheduled',
    // Only a stated venue says the edition was held in person.
    eventAttendanceMode: conference.venue ? 'https://schema.org/OfflineEventAttendanceMode' : undefined,
    location: conference.venue
      ? compact({
          '@type': 'Place',
          name: conference.venue.name,
          address: conference.venue.city ? { '@type': 'PostalAddress', addressLocality: conference.venue.city } : undefined,
        })
      : undefined,
    audience: conference.audience ? { '@type': 'Audience', audienceType: conference.audience } : undefined,
    organizer: organiser ? organization(organiser) : undefined,
    superEvent: {
      '@type': 'EventSeries',
      identifier: conference.series.id,
      name: conference.series.name,
    },
    performer: days.flatMap(({ day, participants }) =>
      participants.map((participant) =>
        role(participant, { description: day.subTheme ? `Day ${day.number}: ${day.subTheme}` : `Day ${day.number}`, startDate: day.date }),
      ),
    ),
    subEvent: sessions.map((node) => sessionEvent(node, dates)),
    subjectOf: sources.map((source) =>
      compact({
        '@type': 'CreativeWork',
        identifier: source.id,
        name: source.title,
        url: source.url,
        datePublished: source.issuedOn,
        dateModified: source.updatedOn,
      }),
    ),
  });
}
