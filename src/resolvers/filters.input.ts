import { Field, ID, InputType, Int } from 'type-graphql';
import { DocumentationStatus, GovernmentSphere, OrganisationKind, ParticipationRole, SessionKind } from '../entities/enums.js';
import { PositionRank } from '../entities/position-rank.js';

// A filter's field may be sent as null, which filters by nothing, as leaving it out does.

@InputType({ description: 'Which conference editions to list; every given criterion must hold.' })
export class ConferenceFilter {
  @Field(() => String, { nullable: true, description: 'Only editions of this series, e.g. "sms".' })
  seriesSlug?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only editions from this year on (inclusive).' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only editions up to this year (inclusive).' })
  toYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Only editions linked to this topic, directly or through a session.' })
  topicSlug?: string | null;

  @Field(() => DocumentationStatus, { nullable: true, description: 'Only editions documented this well.' })
  documentation?: DocumentationStatus | null;
}

/** Words shared by the position criteria of every filter. */
const TITLE_MATCH = 'ignoring case and punctuation ("director general" matches "Director-General"); it must hold a letter or digit';
const RANK_MATCH = 'an acting holder counts, a deputy does not (see PositionRank)';

@InputType({
  description:
    'Which sessions to list; every given criterion must hold, and person, organisation, role, position title and rank must hold for one and the same participation.',
})
export class SessionFilter {
  @Field(() => SessionKind, { nullable: true, description: 'Only sessions of this format.' })
  kind?: SessionKind | null;

  @Field(() => String, { nullable: true, description: 'Only sessions linked to this topic.' })
  topicSlug?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only sessions this person took part in (their global id).' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only sessions in which someone took part in a position at this organisation (its global id).' })
  organisationId?: string | null;

  @Field(() => ParticipationRole, { nullable: true, description: 'Only sessions in which someone took part in this role.' })
  role?: ParticipationRole | null;

  @Field(() => String, { nullable: true, description: `Only sessions in which someone took part in a position whose title contains this, ${TITLE_MATCH}.` })
  positionTitle?: string | null;

  @Field(() => PositionRank, { nullable: true, description: `Only sessions in which someone took part in a position of this rank; ${RANK_MATCH}.` })
  rank?: PositionRank | null;

  @Field(() => Int, { nullable: true, description: 'Only sessions of editions from this year on (inclusive).' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only sessions of editions up to this year (inclusive).' })
  toYear?: number | null;
}

@InputType({
  description: 'Which people to list; every given criterion must hold, and organisation, position title and rank must hold for one and the same position.',
})
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Matches any alias, ignoring case, honorifics and punctuation.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only people the sources place in a position at this organisation (its global id).' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: `Only people the sources place in a position whose title contains this, ${TITLE_MATCH}.` })
  positionTitle?: string | null;

  @Field(() => PositionRank, { nullable: true, description: `Only people the sources place in a position of this rank; ${RANK_MATCH}.` })
  rank?: PositionRank | null;

  @Field(() => String, { nullable: true, description: 'Only people who took part in a session linked to this topic.' })
  topicSlug?: string | null;
}

@InputType({
  description: 'Which participations to list (a session\'s or a day chair\'s); every given criterion must hold for the participation itself.',
})
export class ParticipationFilter {
  @Field(() => ParticipationRole, { nullable: true, description: 'Only participations in this role.' })
  role?: ParticipationRole | null;

  @Field(() => ID, { nullable: true, description: "Only this person's participations (their global id)." })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only participations in a position at this organisation (its global id).' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: `Only participations in a position whose title contains this, ${TITLE_MATCH}.` })
  positionTitle?: string | null;

  @Field(() => PositionRank, { nullable: true, description: `Only participations in a position of this rank; ${RANK_MATCH}.` })
  rank?: PositionRank | null;

  @Field(() => String, { nullable: true, description: 'Only participations in a session linked to this topic (a day chair is in none).' })
  topicSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Only participations at editions of this series, e.g. "sms".' })
  seriesSlug?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only participations at editions from this year on (inclusive).' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only participations at editions up to this year (inclusive).' })
  toYear?: number | null;
}

@InputType({ description: 'Which organisations to list; every given criterion must hold.' })
export class OrganisationFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or acronym (ignoring case), or a whole alias.' })
  name?: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;

  @Field(() => GovernmentSphere, { nullable: true, description: 'Only organisations in this sphere of government.' })
  sphere?: GovernmentSphere | null;

  @Field(() => ID, { nullable: true, description: 'Only the organisations directly part of this one (its global id).' })
  parentId?: string | null;
}
