import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Annex, Citation, Conference, ConferenceDay, ConferenceSeries, Contact, Objective, Source, Topic, TopicAssignment } from '../entities/index.js';
import type { AnnexRecord, Columns, ConferenceRecord } from '../loaders/record-types.js';
import { CitedKind } from '../entities/enums.js';
import type { Loaders } from '../loaders/loaders.js';
import type { Context } from '../context.js';
import { Venue } from './analysis.types.js';
import { paginate, paginateArray } from './connection.js';
import { ConferenceConnection, SessionConnection } from './connections.js';
import { ConferenceFilter, SessionFilter } from './filters.input.js';
import { ForwardPageArgs, PageArgs } from './page.args.js';
import { topicsOfConference } from './topic-sets.js';
import { findIds, findRecords, findRecord } from '../loaders/records.js';
import { requireKnownTopicSlugs } from '../read/topic-slugs.js';

/** Newest first, as researchers browse editions. */
const conferenceOrder = { year: 'desc', series: { slug: 'asc' }, id: 'asc' } as const;

function conferenceWhere(filter: ConferenceFilter | undefined): FilterQuery<Conference> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.seriesSlug != null) where.series = { slug: filter.seriesSlug };
  if (filter.documentation != null) where.documentation = filter.documentation;
  if (filter.fromYear != null || filter.toYear != null) {
    where.year = { ...(filter.fromYear != null && { $gte: filter.fromYear }), ...(filter.toYear != null && { $lte: filter.toYear }) };
  }
  if (filter.topicSlug != null) {
    // A conference is about a topic when it is linked to it or one of its sessions is.
    where.$or = [
      { topicLinks: { $some: { topic: { slug: filter.topicSlug } } } },
      { sessions: { $some: { topicLinks: { $some: { topic: { slug: filter.topicSlug } } } } } },
    ];
  }
  return where as FilterQuery<Conference>;
}

async function annexesOf(loaders: Loaders, conferenceId: number): Promise<AnnexRecord[]> {
  const sourceIds = await loaders.sourceIdsOfConference.load(conferenceId);
  return (await loaders.annexesOfSource.loadMany(sourceIds)).flat() as AnnexRecord[];
}

@Resolver(() => Conference)
export class ConferenceResolver {
  @Query(() => ConferenceConnection, { description: 'Conference editions, oldest first, optionally filtered by series, years, topic or how well they are documented.' })
  async conferences(
    @Ctx() { em }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ConferenceFilter, { nullable: true, description: 'Which editions to list; all of them when absent.' }) filter?: ConferenceFilter,
  ) {
    await requireKnownTopicSlugs(em, filter?.topicSlug, 'filter.topicSlug');
    const where = conferenceWhere(filter);
    return paginate(
      page,
      () => em.count(Conference, where),
      ({ offset, limit }) => findRecords(em, Conference, where, { orderBy: conferenceOrder, offset, limit }),
      () => findIds(em, Conference, where),
      info,
    );
  }

  @Query(() => Conference, { nullable: true, description: 'One edition of a conference series, by the series slug and the year.' })
  conference(
    @Ctx() { em }: Context,
    @Arg('seriesSlug', { description: 'The series, e.g. "sms" for the Senior Management Service conferences.' }) seriesSlug: string,
    @Arg('year', () => Int, { description: 'The year the edition took place, e.g. 2007.' }) year: number,
  ) {
    return findRecord(em, Conference, { series: { slug: seriesSlug }, year });
  }

  @Query(() => [ConferenceSeries], { description: 'Every conference series, by name.' })
  conferenceSeries(@Ctx() { em }: Context) {
    return findRecords(em, ConferenceSeries, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => ConferenceSeries, { description: 'The series this edition belongs to.' })
  series(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.series.get(conference.series.id);
  }

  @FieldResolver(() => Venue, { nullable: true, description: 'Where the edition was held; null when the sources do not say.' })
  venue(@Root() conference: Columns<Conference>): Venue | null {
    return conference.venueName ? { name: conference.venueName, city: conference.venueCity ?? null } : null;
  }

  @FieldResolver(() => [Objective], { description: "The edition's stated objectives, in the order the sources give them." })
  objectives(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.objectivesOfConference.load(conference.id);
  }

  @FieldResolver(() => [ConferenceDay], { description: 'The days of the edition, in order.' })
  days(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.daysOfConference.load(conference.id);
  }

  @FieldResolver(() => SessionConnection, { description: 'Sessions in programme order.' })
  async sessions(
    @Root() conference: Columns<Conference>,
    @Ctx() { em, loaders }: Context,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('filter', () => SessionFilter, { nullable: true, description: 'Which of the sessions to list; all of them when absent.' }) filter?: SessionFilter,
  ) {
    await requireKnownTopicSlugs(em, filter?.topicSlug, 'filter.topicSlug');
    const sessions = await loaders.sessionsOfConference.load({ conference: conference.id, filter });
    return paginateArray(page, sessions);
  }

  @FieldResolver(() => [Topic], { description: 'Topics of the edition and of its sessions.' })
  topics(@Root() conference: Columns<Conference>, @Ctx() context: Context) {
    return topicsOfConference(context, conference.id);
  }

  @FieldResolver(() => [TopicAssignment], { description: 'Topics linked to the edition itself, each with its evidence.' })
  topicAssignments(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.topicLinksOfConference.load(conference.id);
  }

  @FieldResolver(() => [Conference], {
    description: "Earlier editions of the series that this edition's sources list (e.g. under its 'tag A').",
  })
  async priorConferences(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    const annexes = await annexesOf(loaders, conference.id);
    const ids = new Set((await loaders.conferenceIdsOfAnnex.loadMany(annexes.map((annex) => annex.id))).flat() as number[]);
    const prior = (await loaders.conference.loadMany([...ids])) as ConferenceRecord[];
    return prior.filter((other) => other.year < conference.year).sort((a, b) => a.year - b.year);
  }

  @FieldResolver(() => [Annex], { description: 'Attachments that the sources of this edition refer to.' })
  annexes(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return annexesOf(loaders, conference.id);
  }

  @FieldResolver(() => [Contact], { description: 'People to contact about the edition, as its sources name them.' })
  contacts(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.contactsOfConference.load(conference.id);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this edition.' })
  citations(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.CONFERENCE}:${conference.id}`);
  }

  @FieldResolver(() => [Source], { description: 'Sources that describe this edition itself.' })
  async sources(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.source.loadMany(await loaders.sourceIdsOfConference.load(conference.id));
  }
}
