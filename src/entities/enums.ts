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

/** Where an editor's review of a competing claim stands. */
export enum ClaimStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  KEPT = 'KEPT',
  BOTH = 'BOTH',
}

/** An editor's decision on a competing claim. */
export enum ClaimDecision {
  ACCEPT = 'ACCEPT',
  KEEP = 'KEEP',
  RECORD_BOTH = 'RECORD_BOTH',
}

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: 'What kind of document a source is.',
  valuesConfig: {
    EVENT_PAGE: { description: "An event's own web page (e.g. the DPSA page of a conference)." },
    MEDIA_STATEMENT: { description: 'A statement issued to the media.' },
    ORGANISATION_PROFILE: { description: "An organisation's description of itself (mandate, structure, leaders)." },
    OTHER: { description: 'Any other kind of document.' },
  },
});
registerEnumType(Role, {
  name: 'Role',
  description: 'What an API key may do.',
  valuesConfig: {
    EDITOR: { description: 'Creates and updates records.' },
    ADMIN: { description: 'Also deletes, merges and splits records.' },
  },
});
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'What happened to a record, as its history records it.',
  valuesConfig: {
    CREATE: { description: 'The record was created.' },
    UPDATE: { description: 'Some of its fields were changed.' },
    DELETE: { description: 'The record was deleted.' },
    MERGE: { description: 'Another record was merged into it (or it into another).' },
    SPLIT: { description: 'Part of the record was split off into a new one.' },
  },
});
registerEnumType(DocumentationStatus, {
  name: 'DocumentationStatus',
  description: 'How much the sources tell about a conference edition.',
  valuesConfig: {
    DOCUMENTED: { description: 'Sources describe the edition itself.' },
    REFERENCED: {
      description: "Only known because another source refers to it (e.g. listed under an annex that is not at hand).",
    },
  },
});
registerEnumType(SessionKind, {
  name: 'SessionKind',
  description: 'The format of a session in a programme.',
  valuesConfig: {
    ROUND_TABLE: { description: 'A round-table discussion.' },
    BREAKAWAY: { description: 'A breakaway session held beside others.' },
    COMMISSION: { description: 'A commission: a working group on one theme, reporting back.' },
    KEYNOTE: { description: 'A keynote address.' },
    ADDRESS: { description: 'An address, e.g. an opening or closing address by an office-bearer.' },
    PLENARY: { description: 'A plenary session for all delegates.' },
    GALA_DINNER: { description: 'A gala dinner.' },
    OTHER: { description: 'Any other format.' },
  },
});
registerEnumType(ParticipationRole, {
  name: 'ParticipationRole',
  description: 'The part a person played in a session.',
  valuesConfig: {
    CHAIRPERSON: { description: 'Chaired the session (or a day, for a day chair).' },
    FACILITATOR: { description: 'Facilitated the discussion.' },
    PRESENTER: { description: 'Gave a presentation.' },
    PANELLIST: { description: 'Sat on the panel.' },
    SPEAKER: { description: 'Spoke, e.g. gave an address.' },
    KEYNOTE_SPEAKER: { description: 'Gave the keynote.' },
  },
});
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body an organisation is.',
  valuesConfig: {
    NATIONAL_DEPARTMENT: { description: 'A national government department (e.g. the DPSA).' },
    PROVINCIAL_GOVERNMENT: { description: 'A provincial government as a whole (e.g. the Gauteng Provincial Government).' },
    MUNICIPALITY: { description: 'A metropolitan, district or local municipality.' },
    MUNICIPAL_DEPARTMENT: { description: 'A department of a municipality.' },
    ORGANISATIONAL_UNIT: { description: 'A branch, chief directorate or other unit inside an organisation.' },
    PUBLIC_ENTITY: { description: 'A public entity (e.g. a state-owned company or agency).' },
    CONSTITUTIONAL_BODY: { description: 'A Chapter 9 or other constitutional body (e.g. the Public Service Commission).' },
    POLICE_SERVICE: { description: 'The police service.' },
    UNIVERSITY: { description: 'A university or other academic institution.' },
    BUSINESS: { description: 'A private company.' },
    FORUM: { description: 'A forum, association or network.' },
    OTHER: { description: 'Any other kind of body.' },
  },
});
registerEnumType(GovernmentSphere, {
  name: 'GovernmentSphere',
  description: 'The sphere of government an organisation belongs to (Constitution, chapter 3).',
  valuesConfig: {
    NATIONAL: { description: 'National government.' },
    PROVINCIAL: { description: 'Provincial government.' },
    LOCAL: { description: 'Local government (municipalities).' },
  },
});
registerEnumType(TopicOrigin, {
  name: 'TopicOrigin',
  description: 'Whether a curator linked the topic or the taxonomy matched it in the text.',
  valuesConfig: {
    CURATED: { description: 'A curator linked the topic.' },
    AUTOMATIC: { description: "The topic taxonomy's terms matched the record's text." },
  },
});
registerEnumType(SeriesSphere, {
  name: 'SeriesSphere',
  description: 'The sphere of government whose managers a series gathers; PROVINCIAL series name their province.',
  valuesConfig: {
    NATIONAL: { description: 'The national public service (e.g. the annual SMS conference).' },
    PROVINCIAL: { description: "One province's administration; the series names the province." },
    MUNICIPAL: { description: 'Local government: a municipality or a district.' },
  },
});
registerEnumType(Province, {
  name: 'Province',
  description: "One of South Africa's nine provinces.",
  valuesConfig: {
    EASTERN_CAPE: { description: 'Eastern Cape.' },
    FREE_STATE: { description: 'Free State.' },
    GAUTENG: { description: 'Gauteng.' },
    KWAZULU_NATAL: { description: 'KwaZulu-Natal.' },
    LIMPOPO: { description: 'Limpopo.' },
    MPUMALANGA: { description: 'Mpumalanga.' },
    NORTHERN_CAPE: { description: 'Northern Cape.' },
    NORTH_WEST: { description: 'North West.' },
    WESTERN_CAPE: { description: 'Western Cape.' },
  },
});
registerEnumType(ProgrammeCompleteness, {
  name: 'ProgrammeCompleteness',
  description: "How much of an edition's programme the sources describe.",
  valuesConfig: {
    COMPLETE: { description: 'The sources describe every day of the programme.' },
    PARTIAL: { description: 'The sources describe only part of the programme (the note says which).' },
    UNKNOWN: { description: 'No source says how much of the programme is described.' },
  },
});
registerEnumType(OutcomeKind, {
  name: 'OutcomeKind',
  description: 'What a conference arrived at.',
  valuesConfig: {
    OUTCOME: { description: 'An outcome the sources report (an agreement, a finding, a next step).' },
    RESOLUTION: { description: 'A resolution the conference adopted.' },
  },
});
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'What kind of document sessions launch, table or discuss.',
  valuesConfig: {
    FRAMEWORK: { description: 'A framework (e.g. a leadership development management framework).' },
    STRATEGY: { description: 'A strategy.' },
    POLICY: { description: 'A policy or a regulation.' },
    REPORT: { description: 'A report.' },
    PRESENTATION: { description: 'A presentation given in a session.' },
    OTHER: { description: 'Any other document.' },
  },
});
registerEnumType(DocumentAction, {
  name: 'DocumentAction',
  description: 'What a session did with a document.',
  valuesConfig: {
    LAUNCHED: { description: 'The session launched it (made it public for the first time).' },
    TABLED: { description: 'The session tabled it for consideration.' },
    DISCUSSED: { description: 'The session discussed it.' },
    PRESENTED: { description: 'Someone presented it in the session.' },
  },
});
registerEnumType(AttendanceKind, {
  name: 'AttendanceKind',
  description: 'Whether an attendance figure was announced beforehand or reported afterwards.',
  valuesConfig: {
    EXPECTED: { description: 'Announced before the event: how many were invited or expected.' },
    REPORTED: { description: 'Reported after the event: how many attended.' },
  },
});
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: "Where an editor's review of a competing claim stands.",
  valuesConfig: {
    OPEN: { description: 'Waiting for an editor; the known value is the answer.' },
    ACCEPTED: { description: "The claim's value became the answer." },
    KEPT: { description: 'The known value stays; the claim is kept as a record of what the source said.' },
    BOTH: { description: 'Both are kept: the claim as an alias or an accepted alternative beside the answer.' },
  },
});
registerEnumType(ClaimDecision, {
  name: 'ClaimDecision',
  description: "An editor's decision on a competing claim.",
  valuesConfig: {
    ACCEPT: { description: "The claim's value replaces the known one; the history records it." },
    KEEP: { description: 'The known value stays.' },
    RECORD_BOTH: { description: 'The known value stays and the claimed one is kept beside it (as an alias where the field has aliases).' },
  },
});
