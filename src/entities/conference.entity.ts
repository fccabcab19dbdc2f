import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { ConferenceSeries } from './conference-series.entity.js';
import { DocumentationStatus } from './enums.js';
import { Organisation } from './organisation.entity.js';
import { Session } from './session.entity.js';
import { Source } from './source.entity.js';
import { ConferenceTopic } from './topic.entity.js';

@Entity()
@Unique({ properties: ['series', 'year'] })
// Sessions list editions oldest first: an index in that order lets a page stop after its rows.
@Index({ properties: ['year', 'id'] })
@ObjectType({ implements: Node })
export class Conference extends VersionedRecord {
  @ManyToOne(() => ConferenceSeries, { deleteRule: 'restrict' })
  series!: Rel<ConferenceSeries>;

  @Field(() => Int)
  @Property()
  year!: number;

  @Field()
  @Property()
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  theme?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Property({ nullable: true })
  venueName?: string | null;

  @Property({ nullable: true })
  venueCity?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  audience?: string | null;

  @Field(() => Int, { nullable: true, description: 'Approximate number of delegates, as the sources state it (±400 is 400).' })
  @Property({ nullable: true })
  expectedAttendance?: number | null;

  @Field(() => DocumentationStatus)
  @Enum({ items: () => DocumentationStatus, nativeEnumName: 'documentation_status' })
  documentation!: DocumentationStatus;

  @Field(() => String, { nullable: true, description: 'What the edition focused on, where the sources say so.' })
  @Property({ type: 'text', nullable: true })
  focus?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  background?: string | null;

  @Field(() => String, { nullable: true, description: 'What the sources say about booking a place.' })
  @Property({ type: 'text', nullable: true })
  bookings?: string | null;

  /** Title (A), theme (B), focus and background (C) for full-text search. Maintained by PostgreSQL; read only by search. */
  @Property({
    type: 'tsvector',
    generated: `(setweight(to_tsvector('lekgotla_english', title), 'A') || setweight(to_tsvector('lekgotla_english', coalesce(theme, '')), 'B') || setweight(to_tsvector('lekgotla_english', coalesce(focus, '') || ' ' || coalesce(background, '')), 'C')) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ type: 'fulltext' })
  searchDocument?: string;

  /** Sources that describe this edition itself (not those that merely refer to it). */
  @ManyToMany({ entity: () => Source, pivotTable: 'conference_source' })
  sources = new Collection<Source>(this);

  /** Inverse sides, for filtering conferences by topic. */
  @OneToMany(() => ConferenceTopic, (link) => link.conference)
  topicLinks = new Collection<ConferenceTopic>(this);

  @OneToMany(() => Session, (session) => session.conference)
  sessions = new Collection<Session>(this);
}

@Entity()
@Unique({ properties: ['conference', 'ordinal'] })
@ObjectType()
export class Objective {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;

  /** Order within the conference, as the sources list them. */
  @Property()
  ordinal!: number;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  group?: string | null;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  /** The objective as body text (C) of its conference. Maintained by PostgreSQL; read only by search. */
  @Property({
    type: 'tsvector',
    generated: `(setweight(to_tsvector('lekgotla_english', text), 'C')) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ type: 'fulltext' })
  searchDocument?: string;
}

@Entity()
@Unique({ properties: ['conference', 'name'] })
@ObjectType()
export class Contact {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  @Index()
  conference!: Rel<Conference>;

  @Field()
  @Property()
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  email?: string | null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  organisation?: Rel<Organisation> | null;
}
