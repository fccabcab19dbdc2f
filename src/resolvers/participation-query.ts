import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { Participation } from '../entities/index.js';
import { findRecords } from '../loaders/records.js';
import type { PageArgs } from '../read/page-window.js';
import { requireKnownTopicSlugs } from '../read/topic-slugs.js';
import { parseGlobalId } from '../schema/global-id.js';
import { paginateArray } from './connection.js';
import type { ParticipationFilter } from './filters.input.js';
import { inDateOrder } from './participation-order.js';
import { positionCriteriaWhere } from './position-criteria.js';

/** Turns a ParticipationFilter into a query; every given criterion must hold for the participation itself. */
export async function participationWhere(em: EntityManager, filter: ParticipationFilter | undefined): Promise<FilterQuery<Participation>> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.role != null) where.role = filter.role;
  if (filter.personId != null) where.person = parseGlobalId(filter.personId, 'filter.personId', ['Person']).id;
  const position: Record<string, unknown> = { ...(await positionCriteriaWhere(em, filter, 'filter')) };
  if (filter.organisationId != null) position.organisation = parseGlobalId(filter.organisationId, 'filter.organisationId', ['Organisation']).id;
  if (Object.keys(position).length > 0) where.position = position;
  if (filter.topicSlug != null) where.session = { topicLinks: { $some: { topic: { slug: filter.topicSlug } } } };
  const conference: Record<string, unknown> = {};
  if (filter.seriesSlug != null) conference.series = { slug: filter.seriesSlug };
  if (filter.fromYear != null || filter.toYear != null) {
    conference.year = { ...(filter.fromYear != null && { $gte: filter.fromYear }), ...(filter.toYear != null && { $lte: filter.toYear }) };
  }
  // A session's people are at its edition; a day's chair at the day's.
  if (Object.keys(conference).length > 0) where.$or = [{ session: { conference } }, { day: { conference } }];
  return where as FilterQuery<Participation>;
}

/**
 * The participations a filter selects, in the order they happened (see
 * inDateOrder, by listing within a session), paged. The order needs each
 * one's edition, day and session, so the whole selection is ordered before
 * the page is cut: the read floor answers these lists in one statement, and
 * this path serves what it does not compile.
 */
export async function findParticipations(context: Context, page: PageArgs, filter: ParticipationFilter | undefined) {
  const { em } = context;
  await requireKnownTopicSlugs(em, filter?.topicSlug, 'filter.topicSlug');
  const selected = await findRecords(em, Participation, await participationWhere(em, filter), { orderBy: { id: 'asc' } });
  return paginateArray(page, await inDateOrder(context, selected, { byListing: true }));
}
