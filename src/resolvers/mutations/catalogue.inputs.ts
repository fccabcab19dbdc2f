import { ArrayMaxSize, IsOptional, IsUrl, Length, Matches, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GovernmentSphere, OrganisationKind, SourceKind } from '../../entities/enums.js';
import { DateScalar } from '../../schema/scalars.js';
import { EvidenceInput } from './evidence.input.js';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType()
export class OrganisationFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 300)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 20)
  acronym?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 300, { each: true })
  aliases?: string[];

  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  kind?: OrganisationKind;

  @Field(() => GovernmentSphere, { nullable: true })
  @IsOptional()
  sphere?: GovernmentSphere;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 2000, { each: true })
  objectives?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 500, { each: true })
  priorityAreas?: string[];
}

@InputType()
export class CreateOrganisationInput extends OrganisationFields {
  @Field()
  @Length(1, 300)
  declare name: string;

  @Field(() => OrganisationKind)
  declare kind: OrganisationKind;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType()
export class TopicFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Lower-case phrases that, found in a text, indicate the topic.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(2, 200, { each: true })
  synonyms?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType()
export class CreateTopicInput extends TopicFields {
  @Field()
  @Matches(slug, { message: 'slug must be a lower-case slug such as "risk-management"' })
  slug!: string;

  @Field()
  @Length(1, 200)
  declare name: string;
}

@InputType()
export class SourceFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  kind?: SourceKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl({ require_tld: false })
  url?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  publisherId?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  issuedOn?: Date;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  updatedOn?: Date;
}

@InputType()
export class CreateSourceInput extends SourceFields {
  @Field({ description: 'A key for the document, e.g. "sms-2008-event-page".' })
  @Matches(slug, { message: 'key must be a lower-case slug such as "sms-2008-event-page"' })
  key!: string;

  @Field()
  @Length(1, 500)
  declare title: string;

  @Field(() => SourceKind)
  declare kind: SourceKind;

  @Field({ description: 'The whole text, exactly as published: citations quote it.' })
  @MinLength(20)
  text!: string;
}

@InputType()
export class CreateCitationInput {
  @Field(() => ID, { description: 'The record the citation supports: a Conference, ConferenceDay, Session, Participation, Person, Position, Organisation or Annex.' })
  recordId!: string;

  @Field(() => ID)
  sourceId!: string;

  @Field({ description: 'The words of the source, verbatim.' })
  @MinLength(3)
  excerpt!: string;
}

@InputType()
export class AnnexFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  available?: boolean;

  @Field(() => [ID], { nullable: true, description: 'The conferences the annex lists.' })
  @IsOptional()
  @ArrayMaxSize(200)
  conferenceIds?: string[];
}

@InputType()
export class CreateAnnexInput extends AnnexFields {
  @Field(() => ID)
  sourceId!: string;

  @Field()
  @Length(1, 100)
  label!: string;

  @Field()
  @Length(1, 2000)
  declare description: string;

  @Field()
  declare available: boolean;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}
