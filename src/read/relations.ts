import { TOPIC_PROGRAMME } from '../db/topic-programme-sql.js';

/**
 * A one-to-many relation written as SQL: `source` yields rows with an
 * `owner` and an `id` column, distinct, and `order` ranks rows within an
 * owner using the row alias `r`.
 */
export type RankedRelation = { source: string; order: string };

/**
 * The relations that resolvers page through or collect, as SQL. Each yields
 * distinct (owner, id) rows plus the columns its order needs.
 */
export const relations = {
  /** Editions of a series, newest first. */
  conferencesOfSeries: {
    source: 'select c.series_id as owner, c.id, c.year from conference c',
    order: 'r.year desc, r.id',
  },
  /** Sessions linked to a topic, in programme order (editions oldest first). */
  sessionsOfTopic: {
    source: `select p.topic_id as owner, p.session_id as id, p.edition_year as year, p.conference_id, p.session_ordinal as ordinal
               from ${TOPIC_PROGRAMME} p`,
    order: 'r.year, r.conference_id, r.ordinal, r.id',
  },
  /** Sessions in which someone took part in a position at the organisation, in programme order. */
  sessionsOfOrganisation: {
    source: `select distinct pos.organisation_id as owner, s.id, c.year, c.id as conference_id, s.ordinal
               from participation pa join position pos on pos.id = pa.position_id
               join session s on s.id = pa.session_id join conference c on c.id = s.conference_id`,
    order: 'r.year, r.conference_id, r.ordinal, r.id',
  },
  /** People the sources place in a position at the organisation, by surname. */
  peopleOfOrganisation: {
    source: `select distinct pos.organisation_id as owner, p.id, p.surname, p.initials
               from position pos join person p on p.id = pos.person_id`,
    order: 'r.surname, r.initials nulls first, r.id',
  },
  /** Editions linked to a topic directly or through a session, newest first. */
  conferencesOfTopic: {
    source: `select distinct linked.topic_id as owner, c.id, c.year from (
               select topic_id, conference_id from conference_topic
               union select st.topic_id, s.conference_id from session_topic st join session s on s.id = st.session_id
             ) linked join conference c on c.id = linked.conference_id`,
    order: 'r.year desc, r.id',
  },
  /** People who took part in a session on the topic, by surname. */
  peopleOfTopic: {
    source: `select distinct st.topic_id as owner, p.id, p.surname, p.initials
               from session_topic st join participation pa on pa.session_id = st.session_id join person p on p.id = pa.person_id`,
    order: 'r.surname, r.initials nulls first, r.id',
  },
  /** Organisations linked to the topic, and those of people who took part in its sessions, by name. */
  organisationsOfTopic: {
    source: `select distinct linked.topic_id as owner, o.id, o.name from (
               select topic_id, organisation_id from organisation_topic
               union select st.topic_id, pos.organisation_id from session_topic st
                 join participation pa on pa.session_id = st.session_id join position pos on pos.id = pa.position_id
             ) linked join organisation o on o.id = linked.organisation_id`,
    order: 'r.name, r.id',
  },
  /** A conference's topics: its own and those of its sessions, by name. */
  topicsOfConference: {
    source: `select distinct linked.conference_id as owner, t.id, t.name from (
               select conference_id, topic_id from conference_topic
               union select s.conference_id, st.topic_id from session_topic st join session s on s.id = st.session_id
             ) linked join topic t on t.id = linked.topic_id`,
    order: 'r.name, r.id',
  },
  /** The topics of the sessions a person took part in, by name. */
  topicsOfPerson: {
    source: `select distinct pa.person_id as owner, t.id, t.name
               from participation pa join session_topic st on st.session_id = pa.session_id join topic t on t.id = st.topic_id`,
    order: 'r.name, r.id',
  },
  /** Topics linked to a session, by name. */
  topicsOfSession: {
    source: 'select distinct st.session_id as owner, t.id, t.name from session_topic st join topic t on t.id = st.topic_id',
    order: 'r.name, r.id',
  },
  /** Topics linked to an organisation, by name. */
  topicsOfOrganisation: {
    source: 'select distinct ot.organisation_id as owner, t.id, t.name from organisation_topic ot join topic t on t.id = ot.topic_id',
    order: 'r.name, r.id',
  },
  /** Documents linked to a topic, by title. */
  documentsOfTopic: {
    source: 'select distinct dt.topic_id as owner, d.id, d.title from document_topic dt join document d on d.id = dt.document_id',
    order: 'r.title, r.id',
  },
  /** Topics linked to a document, by name. */
  topicsOfDocument: {
    source: 'select distinct dt.document_id as owner, t.id, t.name from document_topic dt join topic t on t.id = dt.topic_id',
    order: 'r.name, r.id',
  },
} satisfies Record<string, RankedRelation>;
