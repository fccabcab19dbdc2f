import { Collection, type Hidden, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { Organisation } from './organisation.entity.js';
import { Participation } from './participation.entity.js';

@Entity()
@Index({ properties: ['surname'] })
@ObjectType({ implements: Node, description: 'A person who took part in a conference, with the positions and roles the sources give them.' })
export class Person extends VersionedRecord {
  /** The curated natural key ("levin-r-m"). */
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'The name to show, e.g. "Dr E Ijeoma": honorific, initials or given names, and surname.' })
  @Property()
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Title before the name (Dr, Prof, Mr, Ms, Adv…), as the sources give it.' })
  @Property({ nullable: true })
  honorific?: string | null;

  @Field(() => String, { nullable: true, description: 'Initials of the given names, e.g. "E" or "MS".' })
  @Property({ nullable: true })
  initials?: string | null;

  @Field(() => String, { nullable: true, description: 'Given names, where the sources spell them out.' })
  @Property({ nullable: true })
  givenNames?: string | null;

  @Field({ description: 'Family name.' })
  @Property()
  surname!: string;

  @Field(() => [String], { description: 'Every spelling under which a source names this person.' })
  @Property({ type: 'text[]' })
  aliases: Opt<string[]> = [];

  /** Every name of the person (A). Maintained by PostgreSQL; read only by search. */
  @Property({
    type: 'tsvector',
    generated: `(setweight(to_tsvector('lekgotla_simple', display_name || ' ' || coalesce(given_names, '') || ' ' || lekgotla_join(aliases)), 'A')) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ type: 'fulltext' })
  searchDocument?: Hidden<string>;

  /** Names folded to lower case without accents, for forgiving trigram matching. */
  @Property({
    type: 'text',
    generated: `(lekgotla_fold(display_name || ' ' || coalesce(given_names, '') || ' ' || lekgotla_join(aliases))) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ name: 'person_search_names_trigram', expression: 'create index person_search_names_trigram on person using gin (search_names gin_trgm_ops)' })
  searchNames?: Hidden<string>;

  /** Inverse sides, for filtering people by organisation and topic. */
  @OneToMany(() => Position, (position) => position.person)
  positions = new Collection<Position>(this);

  @OneToMany(() => Participation, (participation) => participation.person)
  participations = new Collection<Participation>(this);
}

@Entity()
@Unique({
  name: 'position_natural_key',
  expression:
    'create unique index position_natural_key on position (person_id, title, organisation_id, acting) nulls not distinct',
})
@ObjectType({ implements: Node, description: 'A post a person held (e.g. Director-General of an organisation), as a dated source states it.' })
export class Position extends VersionedRecord {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @Field({ description: 'The post as the source words it, e.g. "Director-General".' })
  @Property()
  title!: string;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  @Index()
  organisation?: Rel<Organisation> | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the earliest source that states it.' })
  @Property({ type: 'date', nullable: true })
  asOf?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date of the latest source that states it, when later than asOf: the position is known to be held from asOf to latestAsOf.',
  })
  @Property({ type: 'date', nullable: true })
  latestAsOf?: string | null;

  @Field(() => Boolean, { description: 'Whether the source says the person held the post in an acting capacity.' })
  @Property({ type: 'boolean' })
  acting: Opt<boolean> = false;
}
