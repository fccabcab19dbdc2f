import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Conference, Topic } from '../entities/index.js';

@ObjectType({ description: 'Where a conference edition was held.' })
export class Venue {
  @Field({ description: "The venue's name, e.g. \"Cape Sun Hotel\"." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The city, e.g. "Cape Town"; null when the sources do not say.' })
  city?: string | null;
}

@ObjectType({ description: 'How often one topic came up in one year.' })
export class TopicYear {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Topic, { description: 'The topic counted.' })
  topic!: Topic;

  @Field(() => Int, { description: 'How many sessions of that year have the topic.' })
  sessionCount!: number;

  @Field(() => Int, { description: 'How many editions of that year have the topic, on the edition or on one of its sessions.' })
  conferenceCount!: number;
}

@ObjectType({ description: 'Two conference editions compared by their topics.' })
export class ConferenceComparison {
  @Field(() => Conference, { description: 'The first edition (leftId).' })
  left!: Conference;

  @Field(() => Conference, { description: 'The second edition (rightId).' })
  right!: Conference;

  @Field(() => [Topic], { description: 'Topics both editions have.' })
  sharedTopics!: Topic[];

  @Field(() => [Topic], { description: 'Topics only the first edition has.' })
  onlyLeft!: Topic[];

  @Field(() => [Topic], { description: 'Topics only the second edition has.' })
  onlyRight!: Topic[];

  @Field(() => Float, { description: 'Jaccard similarity of the two topic sets, 0..1.' })
  similarity!: number;
}
