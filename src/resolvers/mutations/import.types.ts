import { IsOptional, Length, Matches, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'The text of a source the corpus names by key.' })
export class SourceTextInput {
  @Field({ description: 'The key the corpus names the source by.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'key must be the lower-case key the corpus gives the source' })
  key!: string;

  @Field({ description: 'The whole text, exactly as published.' })
  @MinLength(20)
  text!: string;
}

@InputType({ description: 'A conference programme to import: a corpus file and the texts of its sources.' })
export class ImportProgrammeInput {
  @Field({ description: 'One corpus file in the documented YAML format (docs/corpus-format.md).' })
  @Length(10, 2_000_000)
  corpus!: string;

  @Field(() => [SourceTextInput], { description: 'The text of every source the corpus names.' })
  @ValidateNested({ each: true })
  sources!: SourceTextInput[];

  @Field({ nullable: true, description: 'Report what would change, and write nothing.' })
  @IsOptional()
  dryRun?: boolean;
}

@ObjectType({ description: 'What an import did to the records of one type.' })
export class RecordTally {
  @Field({ description: 'The type of record, e.g. "Session".' })
  recordType!: string;

  @Field(() => Int, { description: 'How many were created.' })
  created!: number;

  @Field(() => Int, { description: 'How many were changed.' })
  updated!: number;

  @Field(() => Int, { description: 'How many already said what the input says.' })
  unchanged!: number;

  @Field(() => Int, { description: 'How many were removed because the input no longer has them.' })
  removed!: number;
}

@ObjectType({ description: 'An existing person an import found similar to one of its people.' })
export class IdentityCandidate {
  @Field({ description: "The existing person's key." })
  key!: string;

  @Field(() => Float, { description: 'How similar, summed from the evidence (surname 0.4, forenames up to 0.35, a shared organisation 0.2…); SAME needs 0.75.' })
  score!: number;

  @Field(() => [String], { description: 'Why they look alike, e.g. the same surname and initials.' })
  reasons!: string[];
}

@ObjectType({ description: 'How one person or organisation of the input was matched to the knowledge base.' })
export class IdentityDecisionType {
  @Field({ description: 'PERSON or ORGANISATION.' })
  kind!: string;

  @Field({ description: 'The key the input gives the person or organisation.' })
  inputKey!: string;

  @Field({ description: 'KNOWN (same key), SAME (matched by the evidence), POSSIBLE (created, with suggestions) or NEW.' })
  decision!: string;

  @Field({ description: 'The key it has after the import.' })
  key!: string;

  @Field(() => Float, { nullable: true, description: 'How strongly the evidence matched (as IdentityCandidate.score); null when no match was scored.' })
  score?: number;

  @Field(() => [String], { description: 'The evidence for the decision.' })
  reasons!: string[];

  @Field(() => [IdentityCandidate], { description: 'For POSSIBLE: the existing people it may be, strongest first.' })
  candidates!: IdentityCandidate[];
}

@ObjectType({ description: 'What an import did, or would do in a dry run.' })
export class ImportReportType {
  @Field({ description: 'True when nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'False when the knowledge base already held everything the input says.' })
  changed!: boolean;

  @Field(() => [RecordTally], { description: 'Per record type: how many were created, changed, unchanged and removed.' })
  records!: RecordTally[];

  @Field(() => [IdentityDecisionType], { description: 'How each person and organisation of the input was matched.' })
  identities!: IdentityDecisionType[];
}
