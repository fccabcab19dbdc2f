import { Field, ID, InputType, Int } from 'type-graphql';
import { DocumentationStatus, GovernmentSphere, OrganisationKind, ParticipationRole, SessionKind } from '../entities/enums.js';

// A filter's field may be sent as null, which filters by nothing, as leaving it out does.

@InputType()
export class ConferenceFilter {
  @Field(() => String, { nullable: true })
  seriesSlug?: string | null;

  @Field(() => Int, { nullable: true })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true })
  toYear?: number | null;

  @Field(() => String, { nullable: true })
  topicSlug?: string | null;

  @Field(() => DocumentationStatus, { nullable: true })
  documentation?: DocumentationStatus | null;
}

@InputType()
export class SessionFilter {
  @Field(() => SessionKind, { nullable: true })
  kind?: SessionKind | null;

  @Field(() => String, { nullable: true })
  topicSlug?: string | null;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => ParticipationRole, { nullable: true })
  role?: ParticipationRole | null;

  @Field(() => Int, { nullable: true })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true })
  toYear?: number | null;
}

@InputType()
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Matches any alias, ignoring case, honorifics and punctuation.' })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  topicSlug?: string | null;
}

@InputType()
export class OrganisationFilter {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => GovernmentSphere, { nullable: true })
  sphere?: GovernmentSphere | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
