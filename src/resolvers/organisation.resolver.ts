import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Citation, Organisation, Topic, TopicAssignment } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { CitedKind } from '../entities/enums.js';
import { parseGlobalId } from '../schema/global-id.js';
import type { Context } from '../context.js';
import { paginate } from './connection.js';
import { OrganisationConnection, PersonConnection, SessionConnection } from './connections.js';
import { OrganisationFilter } from './filters.input.js';
import { ForwardPageArgs, PageArgs } from './page.args.js';
import { pagedRelation } from './paged-relation.js';
import { topicsOfOrganisation } from './topic-sets.js';
import { findIds, findRecords } from '../loaders/records.js';
import { checkActivityWindow } from '../read/activity-sql.js';
import { Activity, ActivityOrder, ActivityWindow } from './activity.types.js';
import { pageByActivity } from './activity-order.js';

function organisationWhere(filter: OrganisationFilter | undefined): FilterQuery<Organisation> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.kind != null) where.kind = filter.kind;
  if (filter.sphere != null) where.sphere = filter.sphere;
  if (filter.parentId != null) where.parent = parseGlobalId(filter.parentId, 'filter.parentId', ['Organisation']).id;
  if (filter.name != null) {
    const pattern = `%${filter.name.replace(/[\\%_]/g, '\\$&')}%`;
    where.$or = [{ name: { $ilike: pattern } }, { acronym: { $ilike: pattern } }, { aliases: { $overlap: [filter.name] } }];
  }
  return where as FilterQuery<Organisation>;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: 'Organisations by name, or the most active first (orderBy).' })
  organisations(
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true, description: 'Which organisations to list; all of them when absent.' }) filter?: OrganisationFilter,
    @Arg('orderBy', () => ActivityOrder, { nullable: true, description: 'How to order the list: NAME when absent; SESSIONS_DESC or PARTICIPATIONS_DESC to put the most active first, counted in `activity`.' })
    orderBy?: ActivityOrder | null,
    @Arg('activity', () => ActivityWindow, { nullable: true, description: 'Which participations an activity order counts (years, series, role); all of them when absent. It orders the list, it does not narrow it.' })
    activity?: ActivityWindow | null,
  ) {
    checkActivityWindow(activity, 'activity');
    const where = organisationWhere(filter);
    if (orderBy != null && orderBy !== ActivityOrder.NAME) {
      return pageByActivity(em, info, page, { entity: Organisation, owner: 'Organisation', table: 'organisation', where, records: loaders.organisation }, orderBy, activity);
    }
    return paginate(
      page,
      () => em.count(Organisation, where),
      ({ offset, limit }) => findRecords(em, Organisation, where, { orderBy: { name: 'asc', id: 'asc' }, offset, limit }),
      () => findIds(em, Organisation, where),
      info,
    );
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation this one is part of (e.g. the department of a branch); null at the top.' })
  parent(@Root() organisation: Columns<Organisation>, @Ctx() { loaders }: Context) {
    return organisation.parent ? loaders.organisation.get(organisation.parent.id) : null;
  }

  @FieldResolver(() => [Organisation], {
    description: "Its units in the order its source lists them (a department's sections), then any that no source orders, by name.",
  })
  children(@Root() organisation: Columns<Organisation>, @Ctx() { loaders }: Context) {
    return loaders.childrenOfOrganisation.load(organisation.id);
  }

  @FieldResolver(() => PersonConnection, { description: 'People the sources place in a position here, by surname.' })
  people(@Root() organisation: Columns<Organisation>, @Ctx() { loaders }: Context, @Args(() => ForwardPageArgs) page: ForwardPageArgs) {
    return pagedRelation(loaders.personPageOfOrganisation, loaders.personIdsOfOrganisation, loaders.person, organisation.id, page);
  }

  @FieldResolver(() => SessionConnection, { description: "Sessions in which the organisation's people took part in a position here." })
  sessions(@Root() organisation: Columns<Organisation>, @Ctx() { loaders }: Context, @Args(() => ForwardPageArgs) page: ForwardPageArgs) {
    return pagedRelation(loaders.sessionPageOfOrganisation, loaders.sessionIdsOfOrganisation, loaders.session, organisation.id, page);
  }

  @FieldResolver(() => Activity, {
    description: 'What its participations add up to: those held in a position at this organisation itself (not at its units), in the window.',
  })
  activity(
    @Root() organisation: Columns<Organisation>,
    @Ctx() { loaders }: Context,
    @Arg('window', () => ActivityWindow, { nullable: true, description: 'Which participations to count; all of them when absent.' }) window?: ActivityWindow | null,
  ) {
    checkActivityWindow(window, 'window');
    return loaders.activity.load({ owner: 'Organisation', id: organisation.id, window });
  }

  @FieldResolver(() => [Topic], { description: 'Topics linked to the organisation.' })
  topics(@Root() organisation: Columns<Organisation>, @Ctx() context: Context) {
    return topicsOfOrganisation(context, organisation.id);
  }

  @FieldResolver(() => [TopicAssignment], { description: 'Each topic with the evidence for it.' })
  topicAssignments(@Root() organisation: Columns<Organisation>, @Ctx() { loaders }: Context) {
    return loaders.topicLinksOfOrganisation.load(organisation.id);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this organisation.' })
  citations(@Root() organisation: Columns<Organisation>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.ORGANISATION}:${organisation.id}`);
  }
}
