import { Conference, Organisation, Participation, Person, Session, Source, Topic } from '../entities/index.js';
import { SearchHit } from './search.types.js';
import { ConnectionType } from './connection.js';

export const ConferenceConnection = ConnectionType(Conference, 'Conference');
export const SessionConnection = ConnectionType(Session, 'Session');
export const PersonConnection = ConnectionType(Person, 'Person');
export const OrganisationConnection = ConnectionType(Organisation, 'Organisation');
export const TopicConnection = ConnectionType(Topic, 'Topic');
export const ParticipationConnection = ConnectionType(Participation, 'Participation');
export const SourceConnection = ConnectionType(Source, 'Source');
export const SearchHitConnection = ConnectionType(SearchHit, 'SearchHit');
