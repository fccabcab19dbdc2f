import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Conference, Topic } from '../entities/index.js';

@ObjectType()
export class Venue {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  city?: string | null;
}

@ObjectType()
export class TopicYear {
  @Field(() => Int)
  year!: number;

  @Field(() => Topic)
  topic!: Topic;

  @Field(() => Int)
  sessionCount!: number;

  @Field(() => Int)
  conferenceCount!: number;
}

@ObjectType()
export class ConferenceComparison {
  @Field(() => Conference)
  left!: Conference;

  @Field(() => Conference)
  right!: Conference;

  @Field(() => [Topic])
  sharedTopics!: Topic[];

  @Field(() => [Topic])
  onlyLeft!: Topic[];

  @Field(() => [Topic])
  onlyRight!: Topic[];

  @Field(() => Float, { description: 'Jaccard similarity of the two topic sets, 0..1.' })
  similarity!: number;
}
