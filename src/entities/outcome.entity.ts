import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Conference } from './conference.entity.js';
import { OutcomeKind } from './enums.js';

/** What an edition arrived at, as a source reports it: an outcome, or a resolution it adopted. */
@Entity({ tableName: 'conference_outcome' })
@Unique({ properties: ['conference', 'ordinal'] })
@ObjectType({ description: 'What an edition arrived at, as a source reports it: an outcome, or a resolution it adopted.' })
export class Outcome {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Conference, { deleteRule: 'cascade' })
  conference!: Rel<Conference>;

  /** Order within the edition, as the sources list them. */
  @Property()
  ordinal!: number;

  @Field(() => OutcomeKind, { description: 'An outcome the sources report, or a resolution the conference adopted.' })
  @Enum({ items: () => OutcomeKind, nativeEnumName: 'outcome_kind' })
  kind!: OutcomeKind;

  @Field({ description: 'The outcome or resolution in the words of the source.' })
  @Property({ type: 'text' })
  text!: string;
}
