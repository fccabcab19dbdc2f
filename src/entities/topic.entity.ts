import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { Conference } from './conference.entity.js';
import { TopicOrigin } from './enums.js';
import { Organisation } from './organisation.entity.js';
import { Session } from './session.entity.js';

@Entity()
@ObjectType({ implements: Node })
export class Topic extends VersionedRecord {
  @Field()
  @Property()
  @Unique()
  slug!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => [String], { description: 'Phrases that, found in a text, indicate the topic.' })
  @Property({ type: 'text[]' })
  synonyms: Opt<string[]> = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;
}

/** Why a record carries a topic: a curator's link or a taxonomy match, with the phrase. */
@Entity({ abstract: true })
@ObjectType({ description: 'A topic on a record, with the evidence for it.' })
export abstract class TopicAssignment {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Topic, { deleteRule: 'cascade' })
  @Index()
  topic!: Rel<Topic>;

  @Field(() => TopicOrigin)
  @Enum({ items: () => TopicOrigin, nativeEnumName: 'topic_origin' })
  origin!: TopicOrigin;

  @Field({ description: 'The phrase that justifies the topic.' })
  @Property({ type: 'text' })
  evidence!: string;
}

@Entity()
@Unique({ properties: ['session', 'topic', 'origin'] })
export class SessionTopic extends TopicAssignment {
  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session!: Rel<Session>;
}

@Entity()
@Unique({ properties: ['conference', 'topic', 'origin'] })
export class ConferenceTopic extends TopicAssignment {
  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;
}

@Entity()
@Unique({ properties: ['organisation', 'topic', 'origin'] })
export class OrganisationTopic extends TopicAssignment {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Rel<Organisation>;
}
