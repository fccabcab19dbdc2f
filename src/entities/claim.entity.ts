import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ClaimStatus } from './enums.js';
import { Source } from './source.entity.js';

/**
 * What a source says about a field when the knowledge base already holds a
 * different value: kept beside the known value, with its own citation, until
 * an editor decides. The known value stays the answer while it is OPEN.
 * Claims, like citations, concern records of many kinds, so the record is
 * named by type and id.
 */
@Entity()
@Index({ properties: ['recordType', 'recordId'] })
@Index({ properties: ['status', 'id'] })
@Unique({
  name: 'claim_natural_key',
  expression: 'create unique index claim_natural_key on claim (record_type, record_id, field, md5(value::text))',
})
@ObjectType({ description: "A source's competing value for a field that already holds another: kept with its citation until an editor decides." })
export class Claim {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field({ description: 'The GraphQL type of the record the claim is about, e.g. "Organisation".' })
  @Property()
  recordType!: string;

  @Property()
  recordId!: number;

  @Field({ description: 'The field the claim is about, as the API names it.' })
  @Property()
  field!: string;

  @Field(() => GraphQLJSON, { description: 'The value the source states.' })
  @Property({ type: 'jsonb' })
  value!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the knowledge base held when the claim was made.' })
  @Property({ type: 'jsonb', nullable: true })
  heldValue?: unknown | null;

  @ManyToOne(() => Source, { nullable: true, deleteRule: 'restrict' })
  source?: Rel<Source> | null;

  @Field(() => String, { nullable: true, description: 'The words of the source that state it, verbatim.' })
  @Property({ type: 'text', nullable: true })
  excerpt?: string | null;

  @Field(() => ClaimStatus)
  @Enum({ items: () => ClaimStatus, nativeEnumName: 'claim_status' })
  status: Opt<ClaimStatus> = ClaimStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'The import that made the claim; its changes carry the same id in the history.' })
  @Property({ type: 'uuid', nullable: true })
  importId?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field()
  @Property()
  createdBy!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  decidedBy?: string | null;
}
