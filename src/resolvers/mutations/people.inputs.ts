import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../schema/scalars.js';
import { ParticipationRole } from '../../entities/enums.js';
import { EvidenceInput } from './evidence.input.js';

@InputType()
export class PersonFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 40)
  honorific?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 20)
  initials?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  givenNames?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  surname?: string;

  @Field(() => [String], { nullable: true, description: 'Every spelling under which a source names the person.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 200, { each: true })
  aliases?: string[];
}

@InputType()
export class CreatePersonInput extends PersonFields {
  @Field()
  @Length(1, 120)
  declare surname: string;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType()
export class PositionFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organisationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  acting?: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the source that states it.' })
  @IsOptional()
  asOf?: Date;
}

@InputType()
export class CreatePositionInput extends PositionFields {
  @Field(() => ID)
  personId!: string;

  @Field()
  @Length(1, 200)
  declare title: string;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType()
export class CreateParticipationInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ParticipationRole)
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

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType()
export class UpdateParticipationInput {
  @Field(() => ParticipationRole, { nullable: true })
  @IsOptional()
  role?: ParticipationRole;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  positionId?: string;
}
