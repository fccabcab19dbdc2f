import { Collection, type Hidden, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { Conference } from './conference.entity.js';
import { SourceKind } from './enums.js';
import { Organisation } from './organisation.entity.js';

@Entity()
@ObjectType({
  implements: Node,
  description: 'A document the knowledge base was built from (an event page, a media statement, a department profile).',
})
export class Source extends VersionedRecord {
  @Field({ description: 'The curated natural key of the document.' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'The title of the document.' })
  @Property()
  title!: string;

  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  @Enum({ items: () => SourceKind, nativeEnumName: 'source_kind' })
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'Where the document was found; null for a document without an address.' })
  @Property({ nullable: true })
  url?: string | null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  publisher?: Rel<Organisation> | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the document was issued (ISO date), where it says.' })
  @Property({ type: 'date', nullable: true })
  issuedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The date the document says it was last updated." })
  @Property({ type: 'date', nullable: true })
  updatedOn?: string | null;

  @Field({ description: 'The whole text as it was ingested, unchanged.' })
  @Property({ type: 'text' })
  text!: string;

  @Field({ description: 'SHA-256 of the text, hex-encoded: proof that the text is the one ingested.' })
  @Property({ length: 64 })
  @Unique()
  checksum!: string;

  /** Title (A) and the whole text (C). Maintained by PostgreSQL; read only by search. */
  @Property({
    type: 'tsvector',
    generated: `(setweight(to_tsvector('lekgotla_english', title), 'A') || setweight(to_tsvector('lekgotla_english', text), 'C')) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  @Index({ type: 'fulltext' })
  searchDocument?: Hidden<string>;
}

@Entity()
@Unique({ properties: ['source', 'label'] })
@ObjectType({
  implements: Node,
  description:
    "An attachment a source refers to by label (the 2007 documents' \"tag A\" lists prior SMS conferences), whether or not the attachment itself is at hand.",
})
export class Annex extends VersionedRecord {
  @ManyToOne(() => Source, { deleteRule: 'cascade' })
  source!: Rel<Source>;

  @Field({ description: "The annex's label in its document, e.g. \"tag A\"." })
  @Property()
  label!: string;

  @Field({ description: 'What the document says the attachment contains.' })
  @Property({ type: 'text' })
  description!: string;

  @Field({ description: 'Whether the attachment itself is at hand.' })
  @Property()
  available!: boolean;

  @ManyToMany({ entity: () => Conference, pivotTable: 'annex_conference' })
  conferences = new Collection<Conference>(this);
}
