import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { Conference } from './conference.entity.js';

@Entity()
@Unique({ properties: ['conference', 'number'] })
@ObjectType({ implements: Node, description: 'One day of a conference edition, with its sub-theme and chair.' })
export class ConferenceDay extends VersionedRecord {
  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;

  @Field(() => Int, { description: "The day's number within the edition: 1 for the first day." })
  @Property()
  number!: number;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the day (ISO date); null when the sources do not give it.' })
  @Property({ type: 'date', nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true, description: "The day's sub-theme, as the programme words it." })
  @Property({ type: 'text', nullable: true })
  subTheme?: string | null;
}
