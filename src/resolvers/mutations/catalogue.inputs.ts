import { ArrayMaxSize, IsOptional, IsUrl, Length, Matches, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GovernmentSphere, OrganisationKind, SourceKind } from '../../entities/enums.js';
import { DateScalar } from '../../schema/scalars.js';
import { EvidenceInput } from './evidence.input.js';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType({ description: 'Fields of an organisation to change; those left out keep their values.' })
export class OrganisationFields {
  @Field({ nullable: true, description: 'The full name.' })
  @IsOptional()
  @Length(1, 300)
  name?: string;

  @Field({ nullable: true, description: 'The usual short form, e.g. "DPSA".' })
  @IsOptional()
  @Length(1, 20)
  acronym?: string;

  @Field(() => [String], { nullable: true, description: 'Other names sources use for it; replaces the whole list.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 300, { each: true })
  aliases?: string[];

  @Field(() => OrganisationKind, { nullable: true, description: 'What kind of body it is.' })
  @IsOptional()
  kind?: OrganisationKind;

  @Field(() => GovernmentSphere, { nullable: true, description: 'The sphere of government it belongs to.' })
  @IsOptional()
  sphere?: GovernmentSphere;

  @Field(() => ID, { nullable: true, description: 'The global id of the organisation it is part of.' })
  @IsOptional()
  parentId?: string;

  @Field(() => [String], { nullable: true, description: 'Mandate statements, as its sources list them; replaces the whole list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 2000, { each: true })
  objectives?: string[];

  @Field(() => [String], { nullable: true, description: 'Priority areas, as its sources list them; replaces the whole list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 500, { each: true })
  priorityAreas?: string[];
}

@InputType({ description: 'A new organisation and the evidence for it.' })
export class CreateOrganisationInput extends OrganisationFields {
  @Field({ description: 'The full name, e.g. "Department of Public Service and Administration".' })
  @Length(1, 300)
  declare name: string;

  @Field(() => OrganisationKind, { description: 'What kind of body it is.' })
  declare kind: OrganisationKind;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType({ description: 'Fields of a topic to change; those left out keep their values.' })
export class TopicFields {
  @Field({ nullable: true, description: 'The name of the topic.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Lower-case phrases that, found in a text, indicate the topic.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(2, 200, { each: true })
  synonyms?: string[];

  @Field({ nullable: true, description: 'What the topic covers.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType({ description: 'A new topic of the taxonomy.' })
export class CreateTopicInput extends TopicFields {
  @Field({ description: 'Short name for filters: lower-case words joined by hyphens, e.g. "e-government".' })
  @Matches(slug, { message: 'slug must be a lower-case slug such as "risk-management"' })
  slug!: string;

  @Field({ description: 'The name of the topic.' })
  @Length(1, 200)
  declare name: string;
}

@InputType({ description: 'Fields of a source to change; those left out keep their values.' })
export class SourceFields {
  @Field({ nullable: true, description: 'The title of the document.' })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => SourceKind, { nullable: true, description: 'What kind of document it is.' })
  @IsOptional()
  kind?: SourceKind;

  @Field({ nullable: true, description: 'Where the document was found.' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  url?: string;

  @Field(() => ID, { nullable: true, description: 'The global id of the organisation that issued it.' })
  @IsOptional()
  publisherId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date the document was issued.' })
  @IsOptional()
  issuedOn?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'The date the document says it was last updated.' })
  @IsOptional()
  updatedOn?: Date;
}

@InputType({ description: 'A new source document, with its whole text.' })
export class CreateSourceInput extends SourceFields {
  @Field({ description: 'A key for the document, e.g. "sms-2008-event-page".' })
  @Matches(slug, { message: 'key must be a lower-case slug such as "sms-2008-event-page"' })
  key!: string;

  @Field({ description: 'The title of the document.' })
  @Length(1, 500)
  declare title: string;

  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  declare kind: SourceKind;

  @Field({ description: 'The whole text, exactly as published: citations quote it.' })
  @MinLength(20)
  text!: string;
}

@InputType({ description: 'Evidence for a record: a source and the words it says it with.' })
export class CreateCitationInput {
  @Field(() => ID, { description: 'The record the citation supports: a Conference, ConferenceDay, Session, Participation, Person, Position, Organisation or Annex.' })
  recordId!: string;

  @Field(() => ID, { description: 'The global id of the source cited.' })
  sourceId!: string;

  @Field({ description: 'The words of the source, verbatim.' })
  @MinLength(3)
  excerpt!: string;
}

@InputType({ description: 'Fields of an annex to change; those left out keep their values.' })
export class AnnexFields {
  @Field({ nullable: true, description: 'What the document says the attachment contains.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field({ nullable: true, description: 'Whether the attachment itself is at hand.' })
  @IsOptional()
  available?: boolean;

  @Field(() => [ID], { nullable: true, description: 'The conferences the annex lists.' })
  @IsOptional()
  @ArrayMaxSize(200)
  conferenceIds?: string[];
}

@InputType({ description: 'A new annex of a source and the evidence for it.' })
export class CreateAnnexInput extends AnnexFields {
  @Field(() => ID, { description: 'The global id of the document the annex belongs to.' })
  sourceId!: string;

  @Field({ description: 'The label in its document, e.g. "tag A".' })
  @Length(1, 100)
  label!: string;

  @Field({ description: 'What the document says the attachment contains.' })
  @Length(1, 2000)
  declare description: string;

  @Field({ description: 'Whether the attachment itself is at hand.' })
  declare available: boolean;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}
