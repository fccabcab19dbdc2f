import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { CitedKind } from './enums.js';
import { Source } from './source.entity.js';

/**
 * A statement's evidence. Citations support records of many kinds, so the
 * record is named by kind and id rather than by one foreign key per kind.
 */
@Entity()
@Index({ properties: ['subjectKind', 'subjectId'] })
@Unique({
  name: 'citation_natural_key',
  expression:
    'create unique index citation_natural_key on citation (subject_kind, subject_id, source_id, md5(excerpt))',
})
@ObjectType({ description: "A statement's evidence: which source says it, and the words it says it with." })
export class Citation {
  @PrimaryKey()
  id!: number;

  @Enum({ items: () => CitedKind, nativeEnumName: 'cited_kind' })
  subjectKind!: CitedKind;

  @Property()
  subjectId!: number;

  @ManyToOne(() => Source, { deleteRule: 'restrict' })
  @Index()
  source!: Rel<Source>;

  @Field({ description: 'The words of the source, verbatim.' })
  @Property({ type: 'text' })
  excerpt!: string;
}
