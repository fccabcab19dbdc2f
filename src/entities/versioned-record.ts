import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * What every record curators edit has: a key, and a version raised by every
 * change so that an update based on an older version can be refused.
 */
@Entity({ abstract: true })
// Registered so subclasses inherit its fields; the schema has no type of this name, since nothing returns it.
@ObjectType()
export abstract class VersionedRecord {
  @PrimaryKey()
  id!: number;

  @Field(() => Int, { description: 'Raised by every change; send it back with an update so a stale edit is refused.' })
  @Property({ type: 'integer', version: true })
  version!: Opt<number>;
}
