import { IsOptional, Length, Matches, MinLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ClaimStatus } from '../../entities/enums.js';

@InputType({ description: 'The text of a source the corpus names by key.' })
export class SourceTextInput {
  @Field({ description: 'The key the corpus names the source by.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'key must be the lower-case key the corpus gives the source' })
  key!: string;

  @Field({ description: 'The whole text, exactly as published.' })
  @MinLength(20)
  text!: string;
}

@InputType({ description: "An editor's review of a dry run: the changes and conflicts it reported, named by their keys." })
export class ImportReviewInput {
  @Field(() => [String], { nullable: true, description: 'Changes to known records not to make: those fields keep their values.' })
  @IsOptional()
  rejectChanges?: string[];

  @Field(() => [String], { nullable: true, description: "Conflicts whose claimed value replaces the known one (the claim is recorded as ACCEPTED)." })
  @IsOptional()
  acceptConflicts?: string[];

  @Field(() => [String], { nullable: true, description: 'Conflicts decided for the known value (the claim is recorded as KEPT, not left OPEN).' })
  @IsOptional()
  keepConflicts?: string[];
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

  @Field(() => ImportReviewInput, {
    nullable: true,
    description: "Decisions on a dry run's report: conflicts not named stay OPEN claims; a key the import does not report is refused (CONFLICT).",
  })
  @IsOptional()
  @ValidateNested()
  review?: ImportReviewInput;
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

@ObjectType({ description: 'One field an import changes (or, in a dry run, would change).' })
export class ImportChange {
  @Field({ description: 'Stable for the same input and knowledge base: a review names the changes it rejects by it.' })
  key!: string;

  @Field({ description: 'The GraphQL type of the record, e.g. "Organisation".' })
  recordType!: string;

  @Field({ description: 'The natural key of the record, e.g. "saps" or "sms 2008 day-1-opening".' })
  recordKey!: string;

  @Field({ description: 'The field, as the API names it.' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value before (null for a new record); references by natural key.' })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value after (null when the field is emptied); references by natural key.' })
  after?: unknown;

  @Field({ description: 'False when the review rejected it.' })
  applied!: boolean;

  @Field({
    description:
      "Whether a review may reject it (ImportReviewInput.rejectChanges): a change to a known record's field. A new record's fields come with the record.",
  })
  rejectable!: boolean;

  @Field({ nullable: true, description: 'The key of the source the value was read from.' })
  sourceKey?: string;

  @Field({ nullable: true, description: 'The line of the source the value was read from, verbatim.' })
  excerpt?: string;
}

@ObjectType({ description: 'A value the input states that differs from the known one: the known value stays, and the input\'s is kept as a claim.' })
export class ImportConflict {
  @Field({ description: 'Stable for the same input and knowledge base: a review accepts or keeps conflicts by it.' })
  key!: string;

  @Field({ description: 'The GraphQL type of the record, e.g. "Organisation".' })
  recordType!: string;

  @Field({ description: 'The natural key of the record.' })
  recordKey!: string;

  @Field({ description: 'The field, as the API names it.' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the knowledge base holds, and keeps unless an editor accepts the claim.' })
  known?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the input states.' })
  claimed?: unknown;

  @Field(() => ClaimStatus, { description: 'OPEN (an editor decides later, see decideClaim), or as the review decided.' })
  status!: ClaimStatus;

  @Field({ nullable: true, description: 'The key of the source the claimed value was read from.' })
  sourceKey?: string;

  @Field({ nullable: true, description: 'The line of the source the claimed value was read from, verbatim.' })
  excerpt?: string;
}

@ObjectType({ description: 'What an import did, or would do in a dry run.' })
export class ImportReportType {
  @Field({ description: "Names the import: the history's changes (Change.importId) and the claims it made carry it. A dry run's names nothing stored." })
  importId!: string;

  @Field({ description: 'True when nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'False when the knowledge base already held everything the input says.' })
  changed!: boolean;

  @Field(() => [RecordTally], { description: 'Per record type: how many were created, changed, unchanged and removed.' })
  records!: RecordTally[];

  @Field(() => [IdentityDecisionType], { description: 'How each person and organisation of the input was matched.' })
  identities!: IdentityDecisionType[];

  @Field(() => [ImportChange], { description: 'Every field the import changes, before → after, with the line it was read from.' })
  changes!: ImportChange[];

  @Field(() => [ImportConflict], { description: 'Every value that differs from a known one; none of them changes an answer.' })
  conflicts!: ImportConflict[];
}
