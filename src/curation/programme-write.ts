import {
  Conference,
  ConferenceDay,
  ConferenceSeries,
  ConferenceTopic,
  Contact,
  Objective,
  Participation,
  Session,
  SessionTopic,
  type Organisation,
  type Person,
  type Position,
  type Topic,
} from '../entities/index.js';
import { TopicOrigin, type DocumentationStatus, type ParticipationRole, type SessionKind } from '../entities/enums.js';
import type { Provenance, RecordWriter } from './record-writer.js';

/**
 * The programme aggregate: a series, its editions, their days, sessions and
 * participations. Each function finds its record by natural key and merges
 * the facts into it, or creates it.
 */

export type SeriesFacts = { name: string; organiser?: Organisation | null };

/** A page's title never renames a series: a different name is a claim. */
export async function writeSeries(writer: RecordWriter, slug: string, facts: SeriesFacts, provenance: Provenance): Promise<ConferenceSeries> {
  const found = await writer.em.findOne(ConferenceSeries, { slug });
  if (found) return writer.merge(found, 'ConferenceSeries', slug, facts, {}, provenance);
  return writer.created(writer.em.create(ConferenceSeries, { slug, ...facts }), 'ConferenceSeries', slug, facts, provenance);
}

export type ConferenceFacts = {
  title: string;
  theme?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  venueName?: string | null;
  venueCity?: string | null;
  audience?: string | null;
  expectedAttendance?: number | null;
  documentation: DocumentationStatus;
  focus?: string | null;
  background?: string | null;
  bookings?: string | null;
};

export const conferenceKeyOf = (conference: { series: { slug: string }; year: number }) => `${conference.series.slug} ${conference.year}`;

export async function writeConference(
  writer: RecordWriter,
  series: ConferenceSeries,
  year: number,
  facts: ConferenceFacts,
  provenance: Provenance,
): Promise<Conference> {
  const recordKey = conferenceKeyOf({ series, year });
  const found = await writer.em.findOne(Conference, { series, year });
  if (found) return writer.merge(found, 'Conference', recordKey, facts, { documentation: 'documentation' }, provenance);
  return writer.created(writer.em.create(Conference, { series, year, ...facts }), 'Conference', recordKey, facts, provenance);
}

export async function writeObjective(writer: RecordWriter, conference: Conference, ordinal: number, facts: { group?: string | null; text: string }, provenance: Provenance) {
  const recordKey = `${conferenceKeyOf(conference)} objective ${ordinal + 1}`;
  const found = await writer.em.findOne(Objective, { conference, ordinal });
  if (found) return writer.merge(found, 'Objective', recordKey, facts, {}, provenance);
  return writer.created(writer.em.create(Objective, { conference, ordinal, ...facts }), 'Objective', recordKey, facts, provenance);
}

export type ContactFacts = { phone?: string | null; email?: string | null; organisation?: Organisation | null };

export async function writeContact(writer: RecordWriter, conference: Conference, name: string, facts: ContactFacts, provenance: Provenance) {
  const recordKey = `${conferenceKeyOf(conference)} contact ${name}`;
  const found = await writer.em.findOne(Contact, { conference, name });
  if (found) return writer.merge(found, 'Contact', recordKey, facts, {}, provenance);
  return writer.created(writer.em.create(Contact, { conference, name, ...facts }), 'Contact', recordKey, facts, provenance);
}

export async function writeConferenceTopic(writer: RecordWriter, conference: Conference, topic: Topic, evidence: string, provenance: Provenance) {
  const recordKey = `${conferenceKeyOf(conference)} → ${topic.slug}`;
  const found = await writer.em.findOne(ConferenceTopic, { conference, topic, origin: TopicOrigin.CURATED });
  if (found) return writer.merge(found, 'ConferenceTopic', recordKey, { evidence }, {}, provenance);
  const link = writer.em.create(ConferenceTopic, { conference, topic, origin: TopicOrigin.CURATED, evidence });
  return writer.created(link, 'ConferenceTopic', recordKey, { evidence }, provenance);
}

export async function writeDay(
  writer: RecordWriter,
  conference: Conference,
  number: number,
  facts: { date?: string | null; subTheme?: string | null },
  provenance: Provenance,
): Promise<ConferenceDay> {
  const recordKey = `${conferenceKeyOf(conference)} day ${number}`;
  const found = await writer.em.findOne(ConferenceDay, { conference, number });
  if (found) return writer.merge(found, 'ConferenceDay', recordKey, facts, {}, provenance);
  return writer.created(writer.em.create(ConferenceDay, { conference, number, ...facts }), 'ConferenceDay', recordKey, facts, provenance);
}

export type SessionFacts = {
  day?: ConferenceDay | null;
  parent?: Session | null;
  ordinal: number;
  kind: SessionKind;
  title: string;
  number?: number | null;
  description?: string | null;
  keyIssues?: string[];
};

/** Where a session sits (its day, parent and place in the listing) is the known listing's: a source adds sessions, it does not reorder them. */
export async function writeSession(writer: RecordWriter, conference: Conference, ref: string, facts: SessionFacts, provenance: Provenance): Promise<Session> {
  const recordKey = `${conferenceKeyOf(conference)} ${ref}`;
  const found = await writer.em.findOne(Session, { conference, ref });
  if (found) {
    return writer.merge(found, 'Session', recordKey, facts, { day: 'placement', parent: 'placement', ordinal: 'placement', kind: 'kind' }, provenance);
  }
  return writer.created(writer.em.create(Session, { conference, ref, ...facts }), 'Session', recordKey, facts, provenance);
}

export async function writeSessionTopic(writer: RecordWriter, session: Session, topic: Topic, evidence: string, provenance: Provenance) {
  const recordKey = `${session.ref} → ${topic.slug}`;
  const found = await writer.em.findOne(SessionTopic, { session, topic, origin: TopicOrigin.CURATED });
  if (found) return writer.merge(found, 'SessionTopic', recordKey, { evidence }, {}, provenance);
  const link = writer.em.create(SessionTopic, { session, topic, origin: TopicOrigin.CURATED, evidence });
  return writer.created(link, 'SessionTopic', recordKey, { evidence }, provenance);
}

/** One person in one role at a session, or chairing a day. */
export async function writeParticipation(
  writer: RecordWriter,
  natural: { person: Person; role: ParticipationRole; session: Session | null; day: ConferenceDay | null },
  facts: { position?: Position | null; ordinal: number },
  provenance: Provenance,
): Promise<Participation> {
  const place = natural.session ? natural.session.ref : `day ${natural.day?.number}`;
  const recordKey = `${natural.person.key} ${natural.role} at ${place}`;
  const found = await writer.em.findOne(Participation, natural);
  if (found) return writer.merge(found, 'Participation', recordKey, facts, { ordinal: 'placement' }, provenance);
  return writer.created(writer.em.create(Participation, { ...natural, ...facts }), 'Participation', recordKey, facts, provenance);
}
