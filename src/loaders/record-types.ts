import type { Collection, Hidden } from '@mikro-orm/core';
import type { Annex, Citation, Claim, Conference, Organisation, Participation, Person, Position, Session, Source, Topic } from '../entities/index.js';

/**
 * The types of the read path's records (src/loaders/records.ts), derived
 * from the entities so that they cannot drift from them. A record holds an
 * entity's columns and nothing else: where the entity has a related entity,
 * the record has only its id, and the related record is a loader away.
 */

/** A reference as a record holds it: the id of the record it points at. */
export type RecordRef = { id: number };

/** Long columns a record leaves out and its field resolver reads when asked (READ_WHEN_ASKED in records.ts). */
type ReadWhenAsked<E> = E extends Source ? 'text' : never;

/**
 * The properties a record leaves out: collections, which resolvers reach
 * through loaders, hidden columns (the search documents), which only
 * search reads, and long columns read when asked.
 */
type LeftOut<E> =
  | {
      [K in keyof E]-?: NonNullable<E[K]> extends Collection<object> ? K : keyof Hidden.Brand extends keyof NonNullable<E[K]> ? K : never;
    }[keyof E]
  | ReadWhenAsked<E>;

/** A column's value on a record: a related entity becomes its id, everything else is as the entity has it. */
type ColumnValue<V> = NonNullable<V> extends Date | readonly unknown[] ? V : NonNullable<V> extends RecordRef ? RecordRef | Extract<V, null | undefined> : V;

/**
 * What the read path knows of an entity: its columns, a reference as its
 * id. A record has exactly this; a managed entity (what a mutation returns)
 * has it too, so field resolvers that read only this serve both.
 */
export type Columns<E> = { [K in keyof Pick<E, Exclude<keyof E, LeftOut<E>>>]: ColumnValue<E[K]> };

/**
 * A record of an entity: its columns, and the name of the entity it was
 * read from, which for the types of Node and SearchResult is their GraphQL
 * type's name (src/schema/node.ts).
 */
export type EntityRecord<E> = Columns<E> & { readonly entity: string };

/** The kinds of record that code beyond the loaders names; the others are EntityRecord<E> where they are read. */
export type AnnexRecord = EntityRecord<Annex>;
export type CitationRecord = EntityRecord<Citation>;
export type ClaimRecord = EntityRecord<Claim>;
export type ConferenceRecord = EntityRecord<Conference>;
export type OrganisationRecord = EntityRecord<Organisation>;
export type ParticipationRecord = EntityRecord<Participation>;
export type PersonRecord = EntityRecord<Person>;
export type PositionRecord = EntityRecord<Position>;
export type SessionRecord = EntityRecord<Session>;
export type SourceRecord = EntityRecord<Source>;
export type TopicRecord = EntityRecord<Topic>;
