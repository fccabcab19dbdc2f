import { ArrayMaxSize, IsEmail, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DocumentationStatus, SessionKind } from '../../entities/enums.js';
import { DateScalar } from '../../schema/scalars.js';
import { EvidenceInput } from './evidence.input.js';

@InputType({ description: 'Fields of a conference edition to change; those left out keep their values.' })
export class ConferenceFields {
  @Field({ nullable: true, description: 'The title the sources give the edition.' })
  @IsOptional()
  @Length(1, 300)
  title?: string;

  @Field({ nullable: true, description: 'The theme, as the sources word it.' })
  @IsOptional()
  @Length(1, 1000)
  theme?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day.' })
  @IsOptional()
  startDate?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'The last day.' })
  @IsOptional()
  endDate?: Date;

  @Field({ nullable: true, description: "The venue's name, e.g. \"Cape Sun Hotel\"." })
  @IsOptional()
  @Length(1, 200)
  venueName?: string;

  @Field({ nullable: true, description: "The venue's city, e.g. \"Cape Town\"." })
  @IsOptional()
  @Length(1, 120)
  venueCity?: string;

  @Field({ nullable: true, description: 'Who the edition was for.' })
  @IsOptional()
  @Length(1, 500)
  audience?: string;

  @Field(() => Int, { nullable: true, description: 'Approximate number of delegates, as the sources state it.' })
  @IsOptional()
  @Min(1)
  @Max(100000)
  expectedAttendance?: number;

  @Field(() => DocumentationStatus, { nullable: true, description: 'Whether sources describe the edition itself or only refer to it.' })
  @IsOptional()
  documentation?: DocumentationStatus;

  @Field({ nullable: true, description: 'What the edition focused on.' })
  @IsOptional()
  @Length(1, 5000)
  focus?: string;

  @Field({ nullable: true, description: 'The background the sources give for holding the edition.' })
  @IsOptional()
  @Length(1, 20000)
  background?: string;

  @Field({ nullable: true, description: 'What the sources say about booking a place.' })
  @IsOptional()
  @Length(1, 2000)
  bookings?: string;
}

@InputType({ description: 'A new conference edition and the evidence for it.' })
export class CreateConferenceInput extends ConferenceFields {
  @Field({ description: 'The series, e.g. "sms"; it must exist.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'seriesSlug must be a lower-case slug such as "sms"' })
  seriesSlug!: string;

  @Field(() => Int, { description: 'The year the edition took place.' })
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field({ description: 'The title the sources give the edition.' })
  @Length(1, 300)
  declare title: string;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
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

@InputType({ description: 'Fields of a conference day to change; those left out keep their values.' })
export class DayFields {
  @Field(() => DateScalar, { nullable: true, description: 'The date of the day.' })
  @IsOptional()
  date?: Date;

  @Field({ nullable: true, description: "The day's sub-theme, as the programme words it." })
  @IsOptional()
  @Length(1, 1000)
  subTheme?: string;
}

@InputType({ description: 'A new day of a conference edition and the evidence for it.' })
export class CreateDayInput extends DayFields {
  @Field(() => ID, { description: 'The global id of the edition.' })
  conferenceId!: string;

  @Field(() => Int, { description: "The day's number within the edition: 1 for the first day." })
  @Min(1)
  @Max(30)
  number!: number;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}

@InputType({ description: 'Fields of a session to change; those left out keep their values.' })
export class SessionFields {
  @Field(() => SessionKind, { nullable: true, description: 'The format of the session.' })
  @IsOptional()
  kind?: SessionKind;

  @Field({ nullable: true, description: 'The title the programme gives it.' })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => Int, { nullable: true, description: "Position within its parent, e.g. 3 for 'Commission 3'." })
  @IsOptional()
  @Min(1)
  number?: number;

  @Field({ nullable: true, description: 'What the session was for, where the programme says more than its title.' })
  @IsOptional()
  @Length(1, 5000)
  description?: string;

  @Field(() => [String], { nullable: true, description: 'The key issues the programme lists; replaces the whole list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 1000, { each: true })
  keyIssues?: string[];

  @Field(() => ID, { nullable: true, description: 'The ConferenceDay (ConferenceDay.id) of the same conference.' })
  @IsOptional()
  dayId?: string;
}

@InputType({ description: 'A new session of a conference programme and the evidence for it.' })
export class CreateSessionInput extends SessionFields {
  @Field(() => ID, { description: 'The global id of the edition.' })
  conferenceId!: string;

  @Field(() => ID, { nullable: true, description: 'The session it belongs to, e.g. a breakaway for a commission.' })
  @IsOptional()
  parentId?: string;

  @Field(() => SessionKind, { description: 'The format of the session.' })
  declare kind: SessionKind;

  @Field({ description: 'The title the programme gives it.' })
  @Length(1, 500)
  declare title: string;

  @Field(() => EvidenceInput, { description: 'The source and excerpt that support the new record (or an editorial note saying why none is cited).' })
  @ValidateNested()
  evidence!: EvidenceInput;
}
