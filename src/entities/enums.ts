import { registerEnumType } from 'type-graphql';

export enum SourceKind {
  EVENT_PAGE = 'EVENT_PAGE',
  MEDIA_STATEMENT = 'MEDIA_STATEMENT',
  ORGANISATION_PROFILE = 'ORGANISATION_PROFILE',
  OTHER = 'OTHER',
}

export enum DocumentationStatus {
  DOCUMENTED = 'DOCUMENTED',
  REFERENCED = 'REFERENCED',
}

export enum SessionKind {
  ROUND_TABLE = 'ROUND_TABLE',
  BREAKAWAY = 'BREAKAWAY',
  COMMISSION = 'COMMISSION',
  KEYNOTE = 'KEYNOTE',
  ADDRESS = 'ADDRESS',
  PLENARY = 'PLENARY',
  GALA_DINNER = 'GALA_DINNER',
  OTHER = 'OTHER',
}

export enum ParticipationRole {
  CHAIRPERSON = 'CHAIRPERSON',
  FACILITATOR = 'FACILITATOR',
  PRESENTER = 'PRESENTER',
  PANELLIST = 'PANELLIST',
  SPEAKER = 'SPEAKER',
  KEYNOTE_SPEAKER = 'KEYNOTE_SPEAKER',
}

export enum OrganisationKind {
  NATIONAL_DEPARTMENT = 'NATIONAL_DEPARTMENT',
  PROVINCIAL_GOVERNMENT = 'PROVINCIAL_GOVERNMENT',
  MUNICIPALITY = 'MUNICIPALITY',
  MUNICIPAL_DEPARTMENT = 'MUNICIPAL_DEPARTMENT',
  ORGANISATIONAL_UNIT = 'ORGANISATIONAL_UNIT',
  PUBLIC_ENTITY = 'PUBLIC_ENTITY',
  CONSTITUTIONAL_BODY = 'CONSTITUTIONAL_BODY',
  POLICE_SERVICE = 'POLICE_SERVICE',
  UNIVERSITY = 'UNIVERSITY',
  BUSINESS = 'BUSINESS',
  FORUM = 'FORUM',
  OTHER = 'OTHER',
}

export enum GovernmentSphere {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  LOCAL = 'LOCAL',
}

export enum TopicOrigin {
  CURATED = 'CURATED',
  AUTOMATIC = 'AUTOMATIC',
}

/** The kinds of record a citation can support; stored with the record's id. */
export enum CitedKind {
  SOURCE_ANNEX = 'SOURCE_ANNEX',
  CONFERENCE = 'CONFERENCE',
  CONFERENCE_DAY = 'CONFERENCE_DAY',
  SESSION = 'SESSION',
  PARTICIPATION = 'PARTICIPATION',
  PERSON = 'PERSON',
  POSITION = 'POSITION',
  ORGANISATION = 'ORGANISATION',
  CONFERENCE_SERIES = 'CONFERENCE_SERIES',
  CONFERENCE_OUTCOME = 'CONFERENCE_OUTCOME',
  PROGRAMME_COMPLETENESS = 'PROGRAMME_COMPLETENESS',
  ATTENDANCE = 'ATTENDANCE',
  DOCUMENT = 'DOCUMENT',
  SESSION_DOCUMENT = 'SESSION_DOCUMENT',
}

/** Which government a conference series belongs to; provincial series also name their province. */
export enum SeriesSphere {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
}

/** South Africa's nine provinces, so that provincial series are told apart by data rather than by name. */
export enum Province {
  EASTERN_CAPE = 'EASTERN_CAPE',
  FREE_STATE = 'FREE_STATE',
  GAUTENG = 'GAUTENG',
  KWAZULU_NATAL = 'KWAZULU_NATAL',
  LIMPOPO = 'LIMPOPO',
  MPUMALANGA = 'MPUMALANGA',
  NORTHERN_CAPE = 'NORTHERN_CAPE',
  NORTH_WEST = 'NORTH_WEST',
  WESTERN_CAPE = 'WESTERN_CAPE',
}

/** How much of an edition's programme the sources describe. */
export enum ProgrammeCompleteness {
  COMPLETE = 'COMPLETE',
  PARTIAL = 'PARTIAL',
  UNKNOWN = 'UNKNOWN',
}

/** What a conference arrived at: an outcome it reports, or a resolution it adopted. */
export enum OutcomeKind {
  OUTCOME = 'OUTCOME',
  RESOLUTION = 'RESOLUTION',
}

export enum DocumentKind {
  FRAMEWORK = 'FRAMEWORK',
  STRATEGY = 'STRATEGY',
  POLICY = 'POLICY',
  REPORT = 'REPORT',
  PRESENTATION = 'PRESENTATION',
  OTHER = 'OTHER',
}

/** What a session did with a document. */
export enum DocumentAction {
  LAUNCHED = 'LAUNCHED',
  TABLED = 'TABLED',
  DISCUSSED = 'DISCUSSED',
  PRESENTED = 'PRESENTED',
}

/** Whether an attendance figure was announced beforehand or reported afterwards. */
export enum AttendanceKind {
  EXPECTED = 'EXPECTED',
  REPORTED = 'REPORTED',
}

/** What a key may do: editors write, admins also delete. */
export enum Role {
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

/** What happened to a record, as the history records it. */
export enum ChangeAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
}

registerEnumType(SourceKind, { name: 'SourceKind' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(ChangeAction, { name: 'ChangeAction' });
registerEnumType(DocumentationStatus, {
  name: 'DocumentationStatus',
  valuesConfig: {
    DOCUMENTED: { description: 'Sources describe the edition itself.' },
    REFERENCED: {
      description: "Only known because another source refers to it (e.g. listed under an annex that is not at hand).",
    },
  },
});
registerEnumType(SessionKind, { name: 'SessionKind' });
registerEnumType(ParticipationRole, { name: 'ParticipationRole' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(GovernmentSphere, { name: 'GovernmentSphere' });
registerEnumType(TopicOrigin, {
  name: 'TopicOrigin',
  description: 'Whether a curator linked the topic or the taxonomy matched it in the text.',
});
registerEnumType(SeriesSphere, {
  name: 'SeriesSphere',
  description: 'The sphere of government whose managers a series gathers; PROVINCIAL series name their province.',
});
registerEnumType(Province, { name: 'Province' });
registerEnumType(ProgrammeCompleteness, {
  name: 'ProgrammeCompleteness',
  valuesConfig: {
    COMPLETE: { description: 'The sources describe every day of the programme.' },
    PARTIAL: { description: 'The sources describe only part of the programme (the note says which).' },
    UNKNOWN: { description: 'No source says how much of the programme is described.' },
  },
});
registerEnumType(OutcomeKind, { name: 'OutcomeKind' });
registerEnumType(DocumentKind, { name: 'DocumentKind' });
registerEnumType(DocumentAction, { name: 'DocumentAction', description: 'What a session did with a document.' });
registerEnumType(AttendanceKind, {
  name: 'AttendanceKind',
  valuesConfig: {
    EXPECTED: { description: 'Announced before the event: how many were invited or expected.' },
    REPORTED: { description: 'Reported after the event: how many attended.' },
  },
});
