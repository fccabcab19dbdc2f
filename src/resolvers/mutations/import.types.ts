import { IsOptional, Length, Matches, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'The text of a source the corpus names by key.' })
export class SourceTextInput {
  @Field()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'key must be the lower-case key the corpus gives the source' })
  key!: string;

  @Field({ description: 'The whole text, exactly as published.' })
  @MinLength(20)
  text!: string;
}

@InputType()
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

@ObjectType()
export class RecordTally {
  @Field()
  recordType!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  removed!: number;
}

@ObjectType()
export class IdentityCandidate {
  @Field({ description: "The existing person's key." })
  key!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType({ description: 'How one person or organisation of the input was matched to the knowledge base.' })
export class IdentityDecisionType {
  @Field({ description: 'PERSON or ORGANISATION.' })
  kind!: string;

  @Field()
  inputKey!: string;

  @Field({ description: 'KNOWN (same key), SAME (matched by the evidence), POSSIBLE (created, with suggestions) or NEW.' })
  decision!: string;

  @Field({ description: 'The key it has after the import.' })
  key!: string;

  @Field(() => Float, { nullable: true })
  score?: number;

  @Field(() => [String])
  reasons!: string[];

  @Field(() => [IdentityCandidate])
  candidates!: IdentityCandidate[];
}

@ObjectType()
export class ImportReportType {
  @Field()
  dryRun!: boolean;

  @Field({ description: 'False when the knowledge base already held everything the input says.' })
  changed!: boolean;

  @Field(() => [RecordTally])
  records!: RecordTally[];

  @Field(() => [IdentityDecisionType])
  identities!: IdentityDecisionType[];
}
