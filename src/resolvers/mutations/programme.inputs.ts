import { ArrayMaxSize, IsEmail, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DocumentationStatus, SessionKind } from '../../entities/enums.js';
import { DateScalar } from '../../schema/scalars.js';
import { EvidenceInput } from './evidence.input.js';

@InputType()
export class ConferenceFields {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 300)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  theme?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startDate?: Date;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endDate?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  venueName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  venueCity?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 500)
  audience?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100000)
  expectedAttendance?: number;

  @Field(() => DocumentationStatus, { nullable: true })
  @IsOptional()
  documentation?: DocumentationStatus;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 5000)
  focus?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 20000)
  background?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  bookings?: string;
}

@InputType()
export class CreateConferenceInput extends ConferenceFields {
  @Field({ description: 'The series, e.g. "sms"; it must exist.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'seriesSlug must be a lower-case slug such as "sms"' })
  seriesSlug!: string;

  @Field(() => Int)
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field()
  @Length(1, 300)
  declare title: string;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType()
export class ContactInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 40)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;
}

@InputType()
export class DayFields {
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  date?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  subTheme?: string;
}

@InputType()
export class CreateDayInput extends DayFields {
  @Field(() => ID)
  conferenceId!: string;

  @Field(() => Int)
  @Min(1)
  @Max(30)
  number!: number;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType()
export class SessionFields {
  @Field(() => SessionKind, { nullable: true })
  @IsOptional()
  kind?: SessionKind;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  number?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 5000)
  description?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 1000, { each: true })
  keyIssues?: string[];

  @Field(() => ID, { nullable: true, description: 'The ConferenceDay (ConferenceDay.id) of the same conference.' })
  @IsOptional()
  dayId?: string;
}

@InputType()
export class CreateSessionInput extends SessionFields {
  @Field(() => ID)
  conferenceId!: string;

  @Field(() => ID, { nullable: true, description: 'The session it belongs to, e.g. a breakaway for a commission.' })
  @IsOptional()
  parentId?: string;

  @Field(() => SessionKind)
  declare kind: SessionKind;

  @Field()
  @Length(1, 500)
  declare title: string;

  @Field(() => EvidenceInput)
  @ValidateNested()
  evidence!: EvidenceInput;
}
