import { Collection, type Hidden, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { ConferenceSeries } from './conference-series.entity.js';
import { DocumentationStatus, ProgrammeCompleteness } from './enums.js';
import { Organisation } from './organisation.entity.js';
import { Session } from './session.entity.js';
import { Source } from './source.entity.js';
import { ConferenceTopic } from './topic.entity.js';

@Entity()
@Unique({ properties: ['series', 'year'] })
// Sessions list editions oldest first: an index in that order lets a page stop after its rows.
@Index({ properties: ['year', 'id'] })
@ObjectType({ implements: Node, description: 'One edition of a conference series (e.g. the Senior Management Service conference of 2007), every fact cited.' })
export class Conference extends VersionedRecord {
  @ManyToOne(() => ConferenceSeries, { deleteRule: 'restrict' })
  series!: Rel<ConferenceSeries>;

  @Field(() => Int, { description: 'The year the edition took place.' })
  @Property()
  year!: number;

  @Field({ description: 'The title the sources give the edition.' })
  @Property()
  title!: string;

  @Field(() => String, { nullable: true, description: 'The theme of the edition, as the sources word it.' })
  @Property({ type: 'text', nullable: true })
  theme?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The first day (ISO date); null when the sources give no date.' })
  @Property({ type: 'date', nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day (ISO date); null when the sources give no date.' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Property({ nullable: true })
  venueName?: string | null;

  @Property({ nullable: true })
  venueCity?: string | null;

  @Field(() => String, { nullable: true, description: 'Who the edition was for, as the sources say.' })
  @Property({ type: 'text', nullable: true })
  audience?: string | null;

  /**
   * Kept for the contract's portals: one plain figure, which may be the
   * yearly figure a source states for the whole series (the 2007 sources'
   * "±400 … yearly"). `attendance` and `series.attendance` hold the figures
   * with their kind, approximation and source.
   */
  @Field(() => Int, {
    nullable: true,
    description:
      'The number of delegates expected, as one plain figure (±400 is 400); it may be the yearly figure a source gives for the whole series, as for 2007. `attendance` and `series.attendance` say which, with kind, approximation and citation.',
  })
  @Property({ nullable: true })
  expectedAttendance?: number | null;

  @Field(() => DocumentationStatus, { description: 'Whether sources describe the edition itself or only refer to it.' })
  @Enum({ items: () => DocumentationStatus, nativeEnumName: 'documentation_status' })
  documentation!: DocumentationStatus;

  @Field(() => String, { nullable: true, description: 'What the edition focused on, where the sources say so.' })
  @Property({ type: 'text', nullable: true })
  focus?: string | null;

  @Field(() => String, { nullable: true, description: 'The background the sources give for holding the edition.' })
  @Property({ type: 'text', nullable: true })
  background?: string | null;

  @Field(() => String, { nullable: true, description: 'What the sources say about booking a place.' })
  @Property({ type: 'text', nullable: true })
  bookings?: string | null;

  /** How much of the programme the sources describe; the GraphQL field `programmeCompleteness` adds the note and its citations. */
  @Enum({ items: () => ProgrammeCompleteness, nativeEnumName: 'programme_completeness', default: ProgrammeCompleteness.UNKNOWN })
  programmeCompleteness: Opt<ProgrammeCompleteness> = ProgrammeCompleteness.UNKNOWN;

  /** Why the programme is judged so, e.g. which days the sources describe. */
  @Property({ type: 'text', nullable: true })
  programmeNote?: string | null;

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
  searchDocument?: Hidden<string>;

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
@ObjectType({ description: 'One objective of a conference edition, as the sources state it.' })
export class Objective {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;

  /** Order within the conference, as the sources list them. */
  @Property()
  ordinal!: number;

  @Field(() => String, { nullable: true, description: 'The heading the sources list the objective under (e.g. "Networking"), if any.' })
  @Property({ nullable: true })
  group?: string | null;

  @Field({ description: 'The objective itself.' })
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
  searchDocument?: Hidden<string>;
}

@Entity()
@Unique({ properties: ['conference', 'name'] })
@ObjectType({ description: 'A person to contact about a conference edition, as its sources give them.' })
export class Contact {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  @Index()
  conference!: Rel<Conference>;

  @Field({ description: "The contact's name." })
  @Property()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Telephone number, as printed in the sources.' })
  @Property({ nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address, as printed in the sources.' })
  @Property({ nullable: true })
  email?: string | null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  organisation?: Rel<Organisation> | null;
}
