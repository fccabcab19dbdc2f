import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ChangeAction } from './enums.js';

/**
 * One entry of the append-only history: who changed which record, when, how,
 * and its fields before and after. Written in the transaction of the change.
 */
@Entity({ tableName: 'change' })
@Trigger({
  name: 'change_is_append_only',
  timing: 'before',
  events: ['update', 'delete', 'truncate'],
  forEach: 'statement',
  body: "raise exception 'the change history is append-only';",
})
@Index({ properties: ['recordType', 'recordId', 'id'] })
@ObjectType('Change', { description: 'One entry of the history: who changed which record, when, and what it was before and after.' })
export class Change {
  @PrimaryKey()
  id!: number;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();

  @Field({ description: 'The name of the API key that made the change, or "corpus-load" for loads from the command line.' })
  @Property()
  actor!: string;

  @Field(() => ChangeAction)
  @Enum({ items: () => ChangeAction, nativeEnumName: 'change_action' })
  action!: ChangeAction;

  @Field({ description: 'The GraphQL type of the changed record, e.g. "Person".' })
  @Property()
  recordType!: string;

  @Property()
  recordId!: number;

  @Field(() => [String], { description: 'The fields whose values differ between before and after.' })
  @Property({ type: 'text[]' })
  changedFields: Opt<string[]> = [];

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record before the change (absent for a creation).' })
  @Property({ type: 'jsonb', nullable: true })
  before?: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record after the change (absent for a deletion).' })
  @Property({ type: 'jsonb', nullable: true })
  after?: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The import that made the change (see importProgramme), when an import made it.' })
  @Property({ type: 'uuid', nullable: true })
  @Index()
  importId?: string | null;

  @Field({ nullable: true, description: "The editor's note: why, or on what authority, when no source is cited." })
  @Property({ type: 'text', nullable: true })
  note?: string;
}
