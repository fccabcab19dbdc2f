import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../schema/scalars.js';
import { ParticipationRole } from '../../entities/enums.js';
import { EvidenceInput } from './evidence.input.js';

@InputType({ description: 'Fields of a person to change; those left out keep their values.' })
export class PersonFields {
  @Field({ nullable: true, description: 'Title before the name (Dr, Prof, Mr, Ms, Adv…).' })
  @IsOptional()
  @Length(1, 40)
  honorific?: string;

  @Field({ nullable: true, description: 'Initials of the given names, e.g. "MS".' })
  @IsOptional()
  @Length(1, 20)
  initials?: string;

  @Field({ nullable: true, description: 'Given names, spelled out.' })
  @IsOptional()
  @Length(1, 120)
  givenNames?: string;

  @Field({ nullable: true, description: 'Family name.' })
  @IsOptional()
  @Length(1, 120)
  surname?: string;

  @Field(() => [String], { nullable: true, description: 'Every spelling under which a source names the person.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 200, { each: true })
  aliases?: string[];
}

@InputType({ description: 'A new person and the evidence for them.' })
export class CreatePersonInput extends PersonFields {
  @Field({ description: 'Family name.' })
  @Length(1, 120)
  declare surname: string;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType({ description: 'Fields of a position to change; those left out keep their values.' })
export class PositionFields {
  @Field({ nullable: true, description: 'The post as the source words it, e.g. "Director-General".' })
  @IsOptional()
  @Length(1, 200)
  title?: string;

  @Field(() => ID, { nullable: true, description: 'The global id of the organisation of the post.' })
  @IsOptional()
  organisationId?: string;

  @Field({ nullable: true, description: 'Whether the post was held in an acting capacity.' })
  @IsOptional()
  acting?: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the source that states it.' })
  @IsOptional()
  asOf?: Date;
}

@InputType({ description: 'A new position of a person and the evidence for it.' })
export class CreatePositionInput extends PositionFields {
  @Field(() => ID, { description: 'The global id of the person who held the post.' })
  personId!: string;

  @Field({ description: 'The post as the source words it, e.g. "Director-General".' })
  @Length(1, 200)
  declare title: string;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType({ description: "A person's part in a session (or as chair of a day) and the evidence for it." })
export class CreateParticipationInput {
  @Field(() => ID, { description: 'The global id of the person who took part.' })
  personId!: string;

  @Field(() => ParticipationRole, { description: 'The part they played.' })
  role!: ParticipationRole;

  @Field(() => ID, { nullable: true, description: 'The session; give it or dayId, not both.' })
  @IsOptional()
  sessionId?: string;

  @Field(() => ID, { nullable: true, description: 'For a chairperson of a whole day: "ConferenceDay" ids come from ConferenceDay.id.' })
  @IsOptional()
  dayId?: string;

  @Field(() => ID, { nullable: true, description: 'The Position id (Position.id) the source gave the person here.' })
  @IsOptional()
  positionId?: string;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType({ description: 'Fields of a participation to change; those left out keep their values.' })
export class UpdateParticipationInput {
  @Field(() => ParticipationRole, { nullable: true, description: 'The part the person played.' })
  @IsOptional()
  role?: ParticipationRole;

  @Field(() => ID, { nullable: true, description: 'The global id of the position the source gave the person here.' })
  @IsOptional()
  positionId?: string;
}
