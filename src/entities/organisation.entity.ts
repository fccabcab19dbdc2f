import type { Hidden, Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { GovernmentSphere, OrganisationKind } from './enums.js';

@Entity()
@ObjectType({ implements: Node, description: 'A department, municipality, public entity, university or other body, with its place in the structure of government.' })
export class Organisation extends VersionedRecord {
  /** The curated natural key ("dpsa"); loading the same organisation twice finds it by this. */
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'The full name, e.g. "Department of Public Service and Administration".' })
  @Property()
  name!: string;

  @Field(() => String, { nullable: true, description: 'The usual short form, e.g. "DPSA".' })
  @Property({ nullable: true })
  acronym?: string | null;

  @Field(() => [String], { description: 'Other names under which sources refer to the organisation.' })
  @Property({ type: 'text[]' })
  aliases: Opt<string[]> = [];

  @Field(() => OrganisationKind, { description: 'What kind of body it is.' })
  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Field(() => GovernmentSphere, { nullable: true, description: 'The sphere of government it belongs to; null for bodies outside government.' })
  @Enum({ items: () => GovernmentSphere, nativeEnumName: 'government_sphere', nullable: true })
  sphere?: GovernmentSphere | null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  @Index()
  parent?: Rel<Organisation> | null;

  /** Place among its parent's units in the order the source lists them (a department's sections); absent when no source orders it. */
  @Property({ nullable: true })
  ordinal?: number | null;

  @Field(() => [String], { description: 'Mandate statements and priority areas, as its sources list them.' })
  @Property({ type: 'text[]' })
  objectives: Opt<string[]> = [];

  @Field(() => [String], { description: 'Its priority areas, as its sources list them.' })
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
  searchDocument?: Hidden<string>;
}
