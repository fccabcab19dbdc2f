import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ParticipationRole } from '../entities/enums.js';

/** How the organisations, people and topics lists are ordered. */
export enum ActivityOrder {
  NAME = 'NAME',
  SESSIONS_DESC = 'SESSIONS_DESC',
  PARTICIPATIONS_DESC = 'PARTICIPATIONS_DESC',
}

registerEnumType(ActivityOrder, {
  name: 'ActivityOrder',
  description:
    'How to order a list of organisations, people or topics. Activity orders count within the list\'s `activity` window; ties (and records with nothing counted, which come last) go by name, then by id, so cursors stay stable.',
  valuesConfig: {
    NAME: { description: 'By name (people by surname, then initials): the default.' },
    SESSIONS_DESC: { description: 'Most sessions first: the distinct sessions counted in the window (see Activity.sessions).' },
    PARTICIPATIONS_DESC: { description: 'Most participations first: the roles counted in the window (see Activity.participations).' },
  },
});

@InputType({ description: 'Which participations an activity count takes in; every given criterion must hold, and a null field bounds nothing.' })
export class ActivityWindow {
  @Field(() => Int, { nullable: true, description: 'Only at editions from this year on (inclusive).' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only at editions up to this year (inclusive); not before fromYear.' })
  toYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Only at editions of this series, by its slug, e.g. "sms".' })
  seriesSlug?: string | null;

  @Field(() => ParticipationRole, { nullable: true, description: 'Only participations in this role, e.g. PRESENTER.' })
  role?: ParticipationRole | null;
}

@ObjectType({
  description:
    "What a record's participations add up to in a window. An organisation's participations are those held in a position at that organisation itself (its units count for themselves, not for it); a person's are their own; a topic's are those in its sessions.",
})
export class Activity {
  @Field(() => Int, {
    description: "Distinct sessions with a counted participation; for a topic, its sessions in the window (with or without known participants unless a role is given).",
  })
  sessions!: number;

  @Field(() => Int, { description: 'Participations counted: each role someone had in a session, or as the chair of a day.' })
  participations!: number;

  @Field(() => Int, { description: 'Distinct people behind the counted participations.' })
  people!: number;

  @Field(() => Int, { description: 'Distinct editions the counted participations (or, for a topic, sessions) took place at.' })
  editions!: number;
}
