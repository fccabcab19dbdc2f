import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../schema/node.js';
import { Organisation } from './organisation.entity.js';

@Entity()
@ObjectType({ implements: Node })
export class ConferenceSeries {
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  @Unique()
  slug!: string;

  @Field()
  @Property()
  name!: string;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  organiser?: Rel<Organisation> | null;
}
