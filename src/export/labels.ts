import { ParticipationRole, SessionKind } from '../entities/enums.js';
import type { ProgrammeParticipant } from './programme.js';

/** How each role reads in a programme, singular and plural. */
const roleNames: Record<ParticipationRole, [string, string]> = {
  [ParticipationRole.CHAIRPERSON]: ['Chairperson', 'Chairpersons'],
  [ParticipationRole.FACILITATOR]: ['Facilitator', 'Facilitators'],
  [ParticipationRole.PRESENTER]: ['Presenter', 'Presenters'],
  [ParticipationRole.PANELLIST]: ['Panellist', 'Panellists'],
  [ParticipationRole.SPEAKER]: ['Speaker', 'Speakers'],
  [ParticipationRole.KEYNOTE_SPEAKER]: ['Keynote speaker', 'Keynote speakers'],
};

export function roleName(role: ParticipationRole, count = 1): string {
  return roleNames[role][count === 1 ? 0 : 1];
}

const kindNames: Record<SessionKind, string> = {
  [SessionKind.ROUND_TABLE]: 'Round table',
  [SessionKind.BREAKAWAY]: 'Breakaway',
  [SessionKind.COMMISSION]: 'Commission',
  [SessionKind.KEYNOTE]: 'Keynote',
  [SessionKind.ADDRESS]: 'Address',
  [SessionKind.PLENARY]: 'Plenary',
  [SessionKind.GALA_DINNER]: 'Gala dinner',
  [SessionKind.OTHER]: 'Session',
};

/** "Commission 1: Organisational Performance Management", but plain "Commission 4" when that is its whole title. */
export function sessionHeading(session: { kind: SessionKind; number?: number | null; title: string }): string {
  if (session.number == null) return session.title;
  const numbered = `${kindNames[session.kind]} ${session.number}`;
  return session.title.startsWith(numbered) ? session.title : `${numbered}: ${session.title}`;
}

/** "Acting Chief Executive Officer": the title as the sources print it. */
export function positionTitle(position: { title: string; acting: boolean }): string {
  return position.acting ? `Acting ${position.title}` : position.title;
}

/** "Dr E Ijeoma, Senior Lecturer, University of Pretoria" */
export function participantLine(participation: ProgrammeParticipant): string {
  const { person, position } = participation;
  const organisation = position?.organisation;
  return [
    person.displayName,
    position && positionTitle(position),
    organisation && (organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name),
  ]
    .filter(Boolean)
    .join(', ');
}
