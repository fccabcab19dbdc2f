import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../schema/node.js';
import { Province, SeriesSphere } from './enums.js';
import { Organisation } from './organisation.entity.js';

@Entity()
@ObjectType({ implements: Node, description: 'A recurring conference (e.g. the Senior Management Service conferences) and its editions.' })
export class ConferenceSeries {
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Short name used in addresses and filters, e.g. "sms".' })
  @Property()
  @Unique()
  slug!: string;

  @Field({ description: 'The name of the series.' })
  @Property()
  name!: string;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  organiser?: Rel<Organisation> | null;

  @Field(() => SeriesSphere, { nullable: true, description: 'National, provincial or municipal, where a source shows it (see citations).' })
  @Enum({ items: () => SeriesSphere, nativeEnumName: 'series_sphere', nullable: true })
  sphere?: SeriesSphere | null;

  @Field(() => Province, { nullable: true, description: 'The province of a PROVINCIAL series.' })
  @Enum({ items: () => Province, nativeEnumName: 'province', nullable: true })
  province?: Province | null;
}
