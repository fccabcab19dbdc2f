import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Conference, Organisation, Person, Topic } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { badUserInput } from '../errors.js';
import { parseGlobalId } from '../schema/global-id.js';
import type { Context } from '../context.js';
import { ConferenceComparison, TopicYear } from './analysis.types.js';
import { paginate } from './connection.js';
import { SessionConnection, TopicConnection } from './connections.js';
import { ForwardPageArgs } from './page.args.js';
import { pagedRelation, relatedRecords } from './paged-relation.js';
import { compareEditions, topicTimeline, type TimelineQuery } from './topic-analysis.js';
import { topicsOfConference } from './topic-sets.js';
import { findIds, findRecords, findRecord } from '../loaders/records.js';
import { requireKnownTopicSlugs } from '../read/topic-slugs.js';
import { timelineYearsProblem } from '../read/timeline-sql.js';
import { checkActivityWindow } from '../read/activity-sql.js';
import { Activity, ActivityOrder, ActivityWindow } from './activity.types.js';
import { pageByActivity } from './activity-order.js';

async function timelineRows(context: Context, query: TimelineQuery): Promise<TopicYear[]> {
  const problem = timelineYearsProblem(query.fromYear, query.toYear);
  if (problem) throw badUserInput(problem.message, problem.argument);
  const rows = await topicTimeline(context.em, query);
  return Promise.all(rows.map(async ({ topicId, ...counts }) => ({ ...counts, topic: (await context.loaders.topic.get(topicId))! })));
}

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => TopicConnection, { description: 'The taxonomy, by name, or the most active topics first (orderBy).' })
  topics(
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('orderBy', () => ActivityOrder, { nullable: true, description: 'How to order the list: NAME when absent; SESSIONS_DESC or PARTICIPATIONS_DESC to put the most active first, counted in `activity`.' })
    orderBy?: ActivityOrder | null,
    @Arg('activity', () => ActivityWindow, { nullable: true, description: 'Which participations an activity order counts (years, series, role); all of them when absent. It orders the list, it does not narrow it.' })
    activity?: ActivityWindow | null,
  ) {
    checkActivityWindow(activity, 'activity');
    if (orderBy != null && orderBy !== ActivityOrder.NAME) {
      return pageByActivity(em, info, page, { entity: Topic, owner: 'Topic', table: 'topic', where: {}, records: loaders.topic }, orderBy, activity);
    }
    return paginate(
      page,
      () => em.count(Topic, {}),
      ({ offset, limit }) => findRecords(em, Topic, {}, { orderBy: { name: 'asc', id: 'asc' }, offset, limit }),
      () => findIds(em, Topic, {}),
      info,
    );
  }

  @Query(() => Topic, { nullable: true, description: 'One topic by its slug; a slug no topic has is a NOT_FOUND error naming the nearest known slugs.' })
  async topic(@Ctx() { em }: Context, @Arg('slug', { description: "The topic's slug, e.g. \"organisational-performance-management\"." }) slug: string) {
    await requireKnownTopicSlugs(em, slug, 'slug');
    return findRecord(em, Topic, { slug });
  }

  @Query(() => [TopicYear], { description: 'Session and conference counts per topic per year, for comparing themes over time.' })
  async topicTimeline(
    @Ctx() context: Context,
    @Arg('topicSlugs', () => [String], { nullable: true, description: 'The topics to count; every topic when absent.' }) topicSlugs?: string[],
    @Arg('seriesSlug', { nullable: true, description: 'Count only editions of this series, e.g. "sms"; all series when absent.' }) seriesSlug?: string,
    @Arg('fromYear', () => Int, { nullable: true, description: 'The first year to count (inclusive).' }) fromYear?: number,
    @Arg('toYear', () => Int, { nullable: true, description: 'The last year to count (inclusive).' }) toYear?: number,
  ) {
    await requireKnownTopicSlugs(context.em, topicSlugs, 'topicSlugs');
    const topics = topicSlugs ? await findRecords(context.em, Topic, { slug: { $in: topicSlugs } }) : undefined;
    // The rows name their topics by id; the ones just found need not be read again.
    for (const topic of topics ?? []) context.loaders.topic.prime(topic.id, topic);
    const topicIds = topics?.map((topic) => topic.id);
    return timelineRows(context, { topicIds, seriesSlug, fromYear, toYear });
  }

  @Query(() => ConferenceComparison, {
    description: 'The topics two editions share and those only one has; editions known only by reference cannot be compared (knownSimilarity is null).',
  })
  async compareConferences(
    @Ctx() context: Context,
    @Arg('leftId', () => ID, { description: 'The id of the first edition.' }) leftId: string,
    @Arg('rightId', () => ID, { description: 'The id of the second edition.' }) rightId: string,
  ): Promise<ConferenceComparison> {
    const load = async (globalId: string, argument: string) => {
      const conference = await context.loaders.conference.get(parseGlobalId(globalId, argument, ['Conference']).id);
      if (!conference) throw badUserInput(`no conference has the id "${globalId}"`, argument);
      return conference;
    };
    const [left, right] = await Promise.all([load(leftId, 'leftId'), load(rightId, 'rightId')]);
    const [leftTopics, rightTopics] = await Promise.all([
      topicsOfConference(context, left.id),
      topicsOfConference(context, right.id),
    ]);
    return { left, right, ...compareEditions({ conference: left, topics: leftTopics }, { conference: right, topics: rightTopics }) };
  }

  @FieldResolver(() => Activity, {
    description: 'What its sessions add up to in the window: the sessions linked to it and the participations in them.',
  })
  activity(
    @Root() topic: Columns<Topic>,
    @Ctx() { loaders }: Context,
    @Arg('window', () => ActivityWindow, { nullable: true, description: 'Which sessions and participations to count; all of them when absent.' }) window?: ActivityWindow | null,
  ) {
    checkActivityWindow(window, 'window');
    return loaders.activity.load({ owner: 'Topic', id: topic.id, window });
  }

  @FieldResolver(() => SessionConnection, { description: 'Sessions linked to the topic, in programme order.' })
  sessions(@Root() topic: Columns<Topic>, @Ctx() { loaders }: Context, @Args(() => ForwardPageArgs) page: ForwardPageArgs) {
    return pagedRelation(loaders.sessionPageOfTopic, loaders.sessionIdsOfTopic, loaders.session, topic.id, page);
  }

  @FieldResolver(() => [Conference], { description: 'Editions linked to the topic directly or through a session, newest first.' })
  conferences(@Root() topic: Columns<Topic>, @Ctx() { loaders }: Context) {
    return relatedRecords(loaders.conferenceIdsOfTopic, loaders.conference, topic.id);
  }

  @FieldResolver(() => [Person], { description: 'People who presented, facilitated, chaired or sat on a panel under this topic.' })
  people(@Root() topic: Columns<Topic>, @Ctx() { loaders }: Context) {
    return relatedRecords(loaders.personIdsOfTopic, loaders.person, topic.id);
  }

  @FieldResolver(() => [Organisation], {
    description: 'Organisations linked to the topic, and those whose people took part in its sessions, by name.',
  })
  organisations(@Root() topic: Columns<Topic>, @Ctx() { loaders }: Context) {
    return relatedRecords(loaders.organisationIdsOfTopic, loaders.organisation, topic.id);
  }

  @FieldResolver(() => [TopicYear], { description: 'How many sessions and editions had this topic, year by year.' })
  timeline(
    @Root() topic: Columns<Topic>,
    @Ctx() context: Context,
    @Arg('seriesSlug', { nullable: true, description: 'Count only editions of this series, e.g. "sms"; all series when absent.' }) seriesSlug?: string,
    @Arg('fromYear', () => Int, { nullable: true, description: 'The first year to count (inclusive).' }) fromYear?: number,
    @Arg('toYear', () => Int, { nullable: true, description: 'The last year to count (inclusive).' }) toYear?: number,
  ) {
    return timelineRows(context, { topicIds: [topic.id], seriesSlug, fromYear, toYear });
  }
}
