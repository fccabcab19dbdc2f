import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Role } from './enums.js';

/**
 * A credential for writing. Only a hash of the key is stored; the key itself
 * is shown once, when it is created. Nothing here is exposed through GraphQL.
 */
@Entity()
export class ApiKey {
  @PrimaryKey()
  id!: number;

  /** Who holds the key, e.g. "curation-team" or a person's name. */
  @Property()
  @Unique()
  name!: string;

  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  /** SHA-256 of the key, hex-encoded. The key has 256 random bits, so a fast hash is enough. */
  @Property({ length: 64 })
  @Unique()
  hash!: string;

  /** The first characters of the key, so a holder can tell which key is meant. */
  @Property({ length: 12 })
  prefix!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}
