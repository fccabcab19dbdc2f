import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedRecord } from './versioned-record.js';
import { Node } from '../schema/node.js';
import { ConferenceDay } from './conference-day.entity.js';
import { ParticipationRole } from './enums.js';
import { Person, Position } from './person.entity.js';
import { Session } from './session.entity.js';

@Entity()
@Unique({
  name: 'participation_natural_key',
  expression:
    'create unique index participation_natural_key on participation (person_id, role, session_id, day_id) nulls not distinct',
})
@ObjectType({
  implements: Node,
  description: 'One person in one role at one session (or chairing one day), with the position the source gave them then.',
})
export class Participation extends VersionedRecord {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  @Index()
  person!: Rel<Person>;

  @Field(() => ParticipationRole)
  @Enum({ items: () => ParticipationRole, nativeEnumName: 'participation_role' })
  role!: ParticipationRole;

  @ManyToOne(() => Session, { nullable: true, deleteRule: 'cascade' })
  @Index()
  session?: Rel<Session> | null;

  @ManyToOne(() => ConferenceDay, { nullable: true, deleteRule: 'cascade' })
  @Index()
  day?: Rel<ConferenceDay> | null;

  @ManyToOne(() => Position, { nullable: true, deleteRule: 'restrict' })
  @Index()
  position?: Rel<Position> | null;

  /** Order as listed within its session or day. */
  @Property()
  ordinal!: number;
}
