import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { GovernmentSphere, OrganisationKind } from './enums.js';

@Entity()
@ObjectType({ implements: Node })
export class Organisation extends VersionedRecord {
  /** The curated natural key ("dpsa"); loading the same organisation twice finds it by this. */
  @Property()
  @Unique()
  key!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  acronym?: string | null;

  @Field(() => [String], { description: 'Other names under which sources refer to the organisation.' })
  @Property({ type: 'text[]' })
  aliases: Opt<string[]> = [];

  @Field(() => OrganisationKind)
  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Field(() => GovernmentSphere, { nullable: true })
  @Enum({ items: () => GovernmentSphere, nativeEnumName: 'government_sphere', nullable: true })
  sphere?: GovernmentSphere | null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  @Index()
  parent?: Rel<Organisation> | null;

  @Field(() => [String], { description: 'Mandate statements and priority areas, as its sources list them.' })
  @Property({ type: 'text[]' })
  objectives: Opt<string[]> = [];

  @Field(() => [String])
  @Property({ type: 'text[]' })
  priorityAreas: Opt<string[]> = [];

  /** Name (A), acronym and aliases (B), objectives and priority areas (C). Maintained by PostgreSQL; read only by search. */
  @Property({
    type: 'tsvector',
    generated: `(setweight(to_tsvector('lekgotla_english', name), 'A') || setweight(to_tsvector('lekgotla_simple', coalesce(acronym, '') || ' ' || lekgotla_join(aliases)), 'B') || setweight(to_tsvector('lekgotla_english', lekgotla_join(objectives) || ' ' || lekgotla_join(priority_areas)), 'C')) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ type: 'fulltext' })
  searchDocument?: string;
}
