import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Conference, Topic } from '../entities/index.js';
import type { ConferenceRecord, TopicRecord } from '../loaders/record-types.js';

@ObjectType({ description: 'Where a conference edition was held.' })
export class Venue {
  @Field({ description: "The venue's name, e.g. \"Cape Sun Hotel\"." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The city, e.g. "Cape Town"; null when the sources do not say.' })
  city?: string | null;
}

/** How well a timeline year's editions are documented: what decides whether its counts can be trusted as complete. */
export enum YearDocumentation {
  DOCUMENTED = 'DOCUMENTED',
  PARTLY_DOCUMENTED = 'PARTLY_DOCUMENTED',
  REFERENCED = 'REFERENCED',
  NO_EDITION = 'NO_EDITION',
}

registerEnumType(YearDocumentation, {
  name: 'YearDocumentation',
  description: "How well the year's editions (in the chosen series) are documented.",
  valuesConfig: {
    DOCUMENTED: { description: 'Every edition of the year is documented: the counts are complete.' },
    PARTLY_DOCUMENTED: {
      description: 'Some editions of the year are documented, others only referenced: the counts are a lower bound.',
    },
    REFERENCED: {
      description:
        'Every edition of the year is only referenced: no programme is at hand, so the counts hold only what other sources say (a lower bound), and a zero means unknown.',
    },
    NO_EDITION: { description: 'No edition of the year is recorded: nothing is known about it, and a zero means unknown.' },
  },
});

/** The conferences' topics over the years; `known` tells a counted zero from a year nobody documented. */
@ObjectType({ description: 'How often one topic came up in one year.' })
export class TopicYear {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Topic, { description: 'The topic counted.' })
  topic!: TopicRecord;

  @Field(() => Int, { description: 'How many sessions of that year have the topic.' })
  sessionCount!: number;

  @Field(() => Int, { description: 'How many editions of that year have the topic, on the edition or on one of its sessions.' })
  conferenceCount!: number;

  @Field({
    description:
      'Whether the counts are complete: true only when every edition of the year is documented. When false, the counts are what the records hold (a lower bound), so a zero means unknown, not none.',
  })
  known!: boolean;

  @Field(() => YearDocumentation, { description: "Why the counts are or are not complete: how well the year's editions are documented." })
  documentation!: YearDocumentation;
}

@ObjectType({ description: 'Two conference editions compared by their topics.' })
export class ConferenceComparison {
  @Field(() => Conference, { description: 'The first edition (leftId).' })
  left!: ConferenceRecord;

  @Field(() => Conference, { description: 'The second edition (rightId).' })
  right!: ConferenceRecord;

  @Field(() => [Topic], { description: 'Topics both editions have.' })
  sharedTopics!: TopicRecord[];

  @Field(() => [Topic], { description: 'Topics only the first edition has.' })
  onlyLeft!: TopicRecord[];

  @Field(() => [Topic], { description: 'Topics only the second edition has.' })
  onlyRight!: TopicRecord[];

  @Field(() => Float, {
    description: 'Jaccard similarity of the two recorded topic sets, 0..1, even when an edition is only referenced.',
    deprecationReason: 'Use knownSimilarity, which is null when an edition is only referenced and its topics are unknown.',
  })
  similarity!: number;

  @Field({ description: 'Whether both editions are documented, so their topic sets are complete enough to compare.' })
  comparable!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Jaccard similarity of the two topic sets, 0..1; null when the editions cannot be compared (see reason).',
  })
  knownSimilarity!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the editions cannot be compared; null when they can.' })
  reason!: string | null;
}
