import { Field, ID, InputType, Int } from 'type-graphql';
import { DocumentationStatus, GovernmentSphere, OrganisationKind, ParticipationRole, SessionKind } from '../entities/enums.js';

@InputType()
export class ConferenceFilter {
  @Field({ nullable: true })
  seriesSlug?: string;

  @Field(() => Int, { nullable: true })
  fromYear?: number;

  @Field(() => Int, { nullable: true })
  toYear?: number;

  @Field({ nullable: true })
  topicSlug?: string;

  @Field(() => DocumentationStatus, { nullable: true })
  documentation?: DocumentationStatus;
}

@InputType()
export class SessionFilter {
  @Field(() => SessionKind, { nullable: true })
  kind?: SessionKind;

  @Field({ nullable: true })
  topicSlug?: string;

  @Field(() => ID, { nullable: true })
  personId?: string;

  @Field(() => ID, { nullable: true })
  organisationId?: string;

  @Field(() => ParticipationRole, { nullable: true })
  role?: ParticipationRole;

  @Field(() => Int, { nullable: true })
  fromYear?: number;

  @Field(() => Int, { nullable: true })
  toYear?: number;
}

@InputType()
export class PersonFilter {
  @Field({ nullable: true, description: 'Matches any alias, ignoring case, honorifics and punctuation.' })
  name?: string;

  @Field(() => ID, { nullable: true })
  organisationId?: string;

  @Field({ nullable: true })
  topicSlug?: string;
}

@InputType()
export class OrganisationFilter {
  @Field({ nullable: true })
  name?: string;

  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind;

  @Field(() => GovernmentSphere, { nullable: true })
  sphere?: GovernmentSphere;

  @Field(() => ID, { nullable: true })
  parentId?: string;
}
