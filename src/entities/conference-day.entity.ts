import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { Conference } from './conference.entity.js';

@Entity()
@Unique({ properties: ['conference', 'number'] })
@ObjectType({ implements: Node })
export class ConferenceDay extends VersionedRecord {
  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;

  @Field(() => Int)
  @Property()
  number!: number;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  subTheme?: string | null;
}
