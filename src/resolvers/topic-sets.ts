import type { TopicRecord } from '../loaders/record-types.js';
import type { Context } from '../context.js';
import { relatedRecords } from './paged-relation.js';

/** Topics of a session, by name. */
export function topicsOfSession({ loaders }: Context, sessionId: number): Promise<TopicRecord[]> {
  return relatedRecords(loaders.topicIdsOfSession, loaders.topic, sessionId);
}

/** A conference's topics: its own and those of every session in its programme, by name. */
export function topicsOfConference({ loaders }: Context, conferenceId: number): Promise<TopicRecord[]> {
  return relatedRecords(loaders.topicIdsOfConference, loaders.topic, conferenceId);
}

export function topicsOfOrganisation({ loaders }: Context, organisationId: number): Promise<TopicRecord[]> {
  return relatedRecords(loaders.topicIdsOfOrganisation, loaders.topic, organisationId);
}

/** The topics of the sessions a person took part in, by name. */
export function topicsOfPerson({ loaders }: Context, personId: number): Promise<TopicRecord[]> {
  return relatedRecords(loaders.topicIdsOfPerson, loaders.topic, personId);
}
