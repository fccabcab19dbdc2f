import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { Person } from './person.entity.js';

/**
 * An importer's suspicion that two people are one: too weak to merge them,
 * worth a curator's look. Merging or dismissing resolves it.
 */
@Entity()
@Unique({ properties: ['person', 'candidate'] })
@ObjectType({ description: 'Another person who may be the same, with how strongly the evidence suggests it.' })
export class PossibleDuplicate {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Rel<Person>;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  candidate!: Rel<Person>;

  @Field(() => Float, { description: '0..1: how strongly the names and positions suggest one person.' })
  @Property({ type: 'double' })
  score!: number;

  @Field(() => [String], { description: 'What the score rests on.' })
  @Property({ type: 'text[]' })
  reasons: Opt<string[]> = [];
}
