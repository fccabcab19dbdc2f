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
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  valuesConfig: {
    OPEN: { description: 'Waiting for an editor; the known value is the answer.' },
    ACCEPTED: { description: "The claim's value became the answer." },
    KEPT: { description: 'The known value stays; the claim is kept as a record of what the source said.' },
    BOTH: { description: 'Both are kept: the claim as an alias or an accepted alternative beside the answer.' },
  },
});
registerEnumType(ClaimDecision, {
  name: 'ClaimDecision',
  valuesConfig: {
    ACCEPT: { description: "The claim's value replaces the known one; the history records it." },
    KEEP: { description: 'The known value stays.' },
    RECORD_BOTH: { description: 'The known value stays and the claimed one is kept beside it (as an alias where the field has aliases).' },
  },
});
