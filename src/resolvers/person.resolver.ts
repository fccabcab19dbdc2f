import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Citation, Organisation, Person, Position, PossibleDuplicate, Topic } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { CitedKind, ParticipationRole } from '../entities/enums.js';
import { parseGlobalId } from '../schema/global-id.js';
import type { Context } from '../context.js';
import { paginate, paginateArray } from './connection.js';
import { ParticipationConnection, PersonConnection } from './connections.js';
import { PersonFilter } from './filters.input.js';
import { ForwardPageArgs, PageArgs } from './page.args.js';
import { personIdsMatchingName } from '../read/person-names.js';
import { requireKnownTopicSlugs } from '../read/topic-slugs.js';
import { participationsInDateOrder } from './participation-order.js';
import { topicsOfPerson } from './topic-sets.js';
import { findIds, findRecords } from '../loaders/records.js';
import { PositionRank, rankOfTitle } from '../entities/position-rank.js';
import { positionCriteriaWhere } from './position-criteria.js';
import { checkActivityWindow } from '../read/activity-sql.js';
import { Activity, ActivityOrder, ActivityWindow } from './activity.types.js';
import { pageByActivity } from './activity-order.js';

/** People by surname, as a directory lists them. */
export const personOrder = { surname: 'asc', initials: 'asc', id: 'asc' } as const;

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People by surname, or the most active first (orderBy).' })
  async people(
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Which people to list; all of them when absent.' }) filter?: PersonFilter,
    @Arg('orderBy', () => ActivityOrder, { nullable: true, description: 'How to order the list: NAME when absent; SESSIONS_DESC or PARTICIPATIONS_DESC to put the most active first, counted in `activity`.' })
    orderBy?: ActivityOrder | null,
    @Arg('activity', () => ActivityWindow, { nullable: true, description: 'Which participations an activity order counts (years, series, role); all of them when absent. It orders the list, it does not narrow it.' })
    activity?: ActivityWindow | null,
  ) {
    checkActivityWindow(activity, 'activity');
    await requireKnownTopicSlugs(em, filter?.topicSlug, 'filter.topicSlug');
    const where: Record<string, unknown> = {};
    if (filter?.name != null) where.id = { $in: await personIdsMatchingName(em, filter.name) };
    // Organisation, title and rank describe one and the same position.
    const position: Record<string, unknown> = { ...(await positionCriteriaWhere(em, filter, 'filter')) };
    if (filter?.organisationId != null) position.organisation = parseGlobalId(filter.organisationId, 'filter.organisationId', ['Organisation']).id;
    if (Object.keys(position).length > 0) where.positions = { $some: position };
    if (filter?.topicSlug != null) {
      where.participations = { $some: { session: { topicLinks: { $some: { topic: { slug: filter.topicSlug } } } } } };
    }
    if (orderBy != null && orderBy !== ActivityOrder.NAME) {
      return pageByActivity(em, info, page, { entity: Person, owner: 'Person', table: 'person', where: where as FilterQuery<Person>, records: loaders.person }, orderBy, activity);
    }
    return paginate(
      page,
      () => em.count(Person, where as FilterQuery<Person>),
      ({ offset, limit }) => findRecords(em, Person, where as FilterQuery<Person>, { orderBy: personOrder, offset, limit }),
      () => findIds(em, Person, where as FilterQuery<Person>),
      info,
    );
  }

  @FieldResolver(() => [Position], { description: 'Positions the sources give the person, earliest first.' })
  positions(@Root() person: Columns<Person>, @Ctx() { loaders }: Context) {
    return loaders.positionsOfPerson.load(person.id);
  }

  @FieldResolver(() => ParticipationConnection, { description: 'Every role the person had, in date order.' })
  async participations(
    @Root() person: Columns<Person>,
    @Ctx() context: Context,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('role', () => ParticipationRole, { nullable: true, description: 'Only the participations in this role, e.g. PRESENTER.' }) role?: ParticipationRole,
  ) {
    const all = await participationsInDateOrder(context, person.id);
    const listed = role ? all.filter((participation) => participation.role === role) : all;
    return paginateArray(page, listed);
  }

  @FieldResolver(() => Activity, { description: "What the person's own participations add up to in the window (people is 1 when any count)." })
  activity(
    @Root() person: Columns<Person>,
    @Ctx() { loaders }: Context,
    @Arg('window', () => ActivityWindow, { nullable: true, description: 'Which participations to count; all of them when absent.' }) window?: ActivityWindow | null,
  ) {
    checkActivityWindow(window, 'window');
    return loaders.activity.load({ owner: 'Person', id: person.id, window });
  }

  @FieldResolver(() => [Topic], { description: 'Topics of the sessions the person took part in.' })
  topics(@Root() person: Columns<Person>, @Ctx() context: Context) {
    return topicsOfPerson(context, person.id);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this person.' })
  citations(@Root() person: Columns<Person>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.PERSON}:${person.id}`);
  }

  @FieldResolver(() => [PossibleDuplicate], { description: 'Other people an import found similar but not clearly the same, strongest first.' })
  possibleDuplicates(@Root() person: Columns<Person>, @Ctx() { loaders }: Context) {
    return loaders.duplicatesOfPerson.load(person.id);
  }
}

@Resolver(() => PossibleDuplicate)
export class PossibleDuplicateResolver {
  @FieldResolver(() => Person, { description: 'The other person.' })
  person(@Root() duplicate: Columns<PossibleDuplicate>, @Ctx() { loaders }: Context) {
    return loaders.person.get(duplicate.candidate.id);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation of the post; null when the source names none.' })
  organisation(@Root() position: Columns<Position>, @Ctx() { loaders }: Context) {
    return position.organisation ? loaders.organisation.get(position.organisation.id) : null;
  }

  @FieldResolver(() => PositionRank, { nullable: true, description: 'The rank the title gives the post (see PositionRank); null when it gives none.' })
  rank(@Root() position: Columns<Position>) {
    return rankOfTitle(position.title);
  }

  @FieldResolver(() => Person, { description: 'Who held the post.' })
  person(@Root() position: Columns<Position>, @Ctx() { loaders }: Context) {
    return loaders.person.get(position.person.id);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that state this position.' })
  citations(@Root() position: Columns<Position>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.POSITION}:${position.id}`);
  }
}

