import { ApiKey } from './api-key.entity.js';
import { Change } from './change.entity.js';
import { Citation } from './citation.entity.js';
import { Claim } from './claim.entity.js';
import { ConferenceDay } from './conference-day.entity.js';
import { ConferenceSeries } from './conference-series.entity.js';
import { Conference, Contact, Objective } from './conference.entity.js';
import { Organisation } from './organisation.entity.js';
import { Participation } from './participation.entity.js';
import { Person, Position } from './person.entity.js';
import { PossibleDuplicate } from './possible-duplicate.entity.js';
import { Session } from './session.entity.js';
import { Annex, Source } from './source.entity.js';
import { ConferenceTopic, OrganisationTopic, SessionTopic, Topic, TopicAssignment } from './topic.entity.js';

export const entities = [
  ApiKey,
  Change,
  Source,
  Annex,
  Citation,
  Claim,
  Organisation,
  ConferenceSeries,
  Conference,
  Objective,
  Contact,
  ConferenceDay,
  Session,
  Person,
  Position,
  Participation,
  PossibleDuplicate,
  Topic,
  TopicAssignment,
  SessionTopic,
  ConferenceTopic,
  OrganisationTopic,
];

export {
  Annex,
  ApiKey,
  Change,
  Citation,
  Claim,
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
  TopicAssignment,
};
