import { Collection, type Hidden, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { ConferenceDay } from './conference-day.entity.js';
import { Conference } from './conference.entity.js';
import { SessionKind } from './enums.js';
import { Participation } from './participation.entity.js';
import { SessionTopic } from './topic.entity.js';

@Entity()
@Unique({ properties: ['conference', 'ref'] })
// A programme's sessions in order, and the read floor's walk edition by edition (src/read/session-rows.ts) from the index alone.
@Index({ properties: ['conference', 'ordinal', 'id'] })
@ObjectType({ implements: Node, description: 'One item of a conference programme: an address, a plenary, a breakaway and its commissions, a dinner.' })
export class Session extends VersionedRecord {
  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;

  @ManyToOne(() => ConferenceDay, { nullable: true, deleteRule: 'set null' })
  @Index()
  day?: Rel<ConferenceDay> | null;

  @ManyToOne(() => Session, { nullable: true, deleteRule: 'cascade' })
  @Index()
  parent?: Rel<Session> | null;

  /** The curated natural key within the conference, e.g. "day-1-commission-2". */
  @Field({ description: 'The session\'s key within its conference, e.g. "day-1-commission-2".' })
  @Property()
  ref!: string;

  /** Programme order within the conference: parents before their children. */
  @Field(() => Int, { description: "The session's place in its edition's programme, parents before their children: what sessions lists them by within an edition." })
  @Property()
  ordinal!: number;

  @Field(() => SessionKind, { description: 'The format of the session.' })
  @Enum({ items: () => SessionKind, nativeEnumName: 'session_kind' })
  kind!: SessionKind;

  @Field({ description: 'The title the programme gives the session.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => Int, { nullable: true, description: "Position within its parent, e.g. 3 for 'Commission 3'." })
  @Property({ nullable: true })
  number?: number | null;

  @Field(() => String, { nullable: true, description: 'What the session was for, where the programme says more than its title (e.g. what a dinner launched).' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => [String], { description: 'The key issues the programme lists for the session, in its order.' })
  @Property({ type: 'text[]' })
  keyIssues: Opt<string[]> = [];

  /** Title (A), key issues (B) and description (C). Maintained by PostgreSQL; read only by search. */
  @Property({
    type: 'tsvector',
    generated: `(setweight(to_tsvector('lekgotla_english', title), 'A') || setweight(to_tsvector('lekgotla_english', lekgotla_join(key_issues)), 'B') || setweight(to_tsvector('lekgotla_english', coalesce(description, '')), 'C')) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ type: 'fulltext' })
  searchDocument?: Hidden<string>;

  /** Inverse sides, for filtering sessions by who took part and what they were about. */
  @OneToMany(() => Participation, (participation) => participation.session)
  participations = new Collection<Participation>(this);

  @OneToMany(() => SessionTopic, (link) => link.session)
  topicLinks = new Collection<SessionTopic>(this);
}
