import { IsOptional, Length, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** Why a new fact may be believed: a source and its words, or an editor's note. */
@InputType({ description: 'Evidence for a new fact: a source with the words that state it, or an explicit editorial note.' })
export class EvidenceInput {
  @Field(() => ID, { nullable: true, description: 'The source that states the fact.' })
  @IsOptional()
  sourceId?: string;

  @Field({ nullable: true, description: 'The words of the source that state it, verbatim.' })
  @IsOptional()
  @MinLength(3)
  excerpt?: string;

  @Field({ nullable: true, description: 'Why the fact is recorded when no source states it.' })
  @IsOptional()
  @Length(10, 2000)
  editorialNote?: string;
}
