import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

/** The longest page text (or draft) a draft is made from; the endpoint's JSON body limit of 100 kB bounds both together. */
export const LONGEST_PAGE_TEXT = 100_000;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType({ description: "A page's text to draft in the corpus format." })
export class ExtractDraftInput {
  @Field({ description: 'The whole text of the page, exactly as published.' })
  @Length(20, LONGEST_PAGE_TEXT)
  text!: string;

  @Field({ description: 'The key the source gets, e.g. "sms-2008-event-page"; every citation names it.' })
  @Matches(slug, { message: 'sourceKey must be a lower-case slug such as "sms-2008-event-page"' })
  @Length(1, 120)
  sourceKey!: string;

  @Field({ nullable: true, description: 'The conference series, when the page does not name it the way the known ones are named.' })
  @IsOptional()
  @Matches(slug, { message: 'seriesSlug must be a lower-case slug such as "sms"' })
  @Length(1, 120)
  seriesSlug?: string;

  @Field({
    nullable: true,
    description:
      'A draft of this text already written (by `kb extract`, corrected by hand) to review instead of a new one: its facts are located in the text. The lines not understood are still the extractor\'s.',
  })
  @IsOptional()
  @Length(10, LONGEST_PAGE_TEXT)
  corpus?: string;
}

@ObjectType('DraftFact', { description: 'One fact of a draft and the words of the page it was read from.' })
export class DraftFactType {
  @Field({ description: 'The kind of record the fact makes: Conference, ConferenceDay, Session, Person, Position, Organisation, Participation, Annex or ConferenceSeries.' })
  record!: string;

  @Field({ description: 'The record in words: a title, a name, "Ms C Clark as CHAIRPERSON of Day 1".' })
  label!: string;

  @Field({ description: 'The words of the page that state it, verbatim.' })
  excerpt!: string;

  @Field(() => Int, { nullable: true, description: 'The line of the page where the excerpt starts (1 is the first line); null when it does not occur in the page.' })
  firstLine?: number;

  @Field(() => Int, { nullable: true, description: 'The line where the excerpt ends.' })
  lastLine?: number;

  @Field({ description: 'Read from the page, but the corpus format has no field for it yet: the editor places it by hand.' })
  pending!: boolean;
}

@ObjectType('UnparsedLine', { description: 'A line of the page the extractor could not read; it is never guessed.' })
export class UnparsedLineType {
  @Field(() => Int, { description: 'Its line number in the page, counting from 1.' })
  line!: number;

  @Field({ description: 'The line, verbatim.' })
  text!: string;

  @Field({ description: 'Why the extractor could not read it.' })
  reason!: string;
}

@ObjectType('ExtractedDraft', { description: "A draft of a page's facts in the corpus format, for an editor to review before importing it." })
export class ExtractedDraftType {
  @Field({ description: 'The key the draft gives the page as a source.' })
  sourceKey!: string;

  @Field({ description: 'The draft in the corpus format (YAML, docs/corpus-format.md): the corpus importProgramme takes. The draft sent, when one was.' })
  corpus!: string;

  @Field(() => [DraftFactType], { description: 'Every cited fact of the draft, in the order the draft lists them, then the pending ones.' })
  facts!: DraftFactType[];

  @Field(() => [UnparsedLineType], { description: 'The lines the extractor could not read.' })
  unparsed!: UnparsedLineType[];
}
