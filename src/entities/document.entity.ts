import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { DocumentAction, DocumentKind } from './enums.js';
import { Session } from './session.entity.js';
import { TopicAssignment } from './topic.entity.js';

/** A framework, report or presentation that sessions launch, table or discuss. */
@Entity()
@ObjectType({ implements: Node, description: 'A framework, report or presentation that sessions launch, table or discuss.' })
export class Document extends VersionedRecord {
  /** The curated natural key ("ldm-strategic-framework-draft"). */
  @Field({ description: 'The curated natural key of the document.' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'The title as the sources give it (a draft keeps "Draft").' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => DocumentKind, { description: 'A framework, strategy, policy, report, presentation or other document.' })
  @Enum({ items: () => DocumentKind, nativeEnumName: 'document_kind' })
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'What the document is, as the sources describe it; null when they do not.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;
}

/** One session doing something with one document: launching, tabling, discussing or presenting it. */
@Entity()
@Unique({ properties: ['session', 'document', 'action'] })
@ObjectType({ description: 'A session doing something with a document: launching, tabling, discussing or presenting it.' })
export class SessionDocument {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session!: Rel<Session>;

  @ManyToOne(() => Document, { deleteRule: 'cascade' })
  @Index()
  document!: Rel<Document>;

  @Field(() => DocumentAction, { description: 'What the session did with the document.' })
  @Enum({ items: () => DocumentAction, nativeEnumName: 'document_action' })
  action!: DocumentAction;
}

@Entity()
@Unique({ properties: ['document', 'topic', 'origin'] })
export class DocumentTopic extends TopicAssignment {
  @ManyToOne(() => Document, { deleteRule: 'cascade' })
  document!: Rel<Document>;
}
