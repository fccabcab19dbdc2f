import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../entities/index.js';
import { parseGlobalId } from '../schema/global-id.js';
import type { PageArgs } from '../read/page-window.js';
import { paginate } from './connection.js';
import type { SessionFilter } from './filters.input.js';
import { findIds, findRecords } from '../loaders/records.js';
import { requireKnownTopicSlugs } from '../read/topic-slugs.js';
import { positionCriteriaWhere } from './position-criteria.js';

/** Programme order: editions oldest first, then each programme as printed. */
export const sessionOrder = { conference: { year: 'asc', id: 'asc' }, ordinal: 'asc', id: 'asc' } as const;

/** Turns the contract's SessionFilter into a query; every given criterion must hold. */
export async function sessionWhere(em: EntityManager, filter: SessionFilter | undefined): Promise<FilterQuery<Session>> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.kind != null) where.kind = filter.kind;
  if (filter.topicSlug != null) where.topicLinks = { $some: { topic: { slug: filter.topicSlug } } };
  if (filter.fromYear != null || filter.toYear != null) {
    where.conference = {
      year: { ...(filter.fromYear != null && { $gte: filter.fromYear }), ...(filter.toYear != null && { $lte: filter.toYear }) },
    };
  }
  // Person, organisation, role, title and rank describe one and the same participation.
  const participation: Record<string, unknown> = {};
  if (filter.personId != null) participation.person = parseGlobalId(filter.personId, 'filter.personId', ['Person']).id;
  const position: Record<string, unknown> = { ...(await positionCriteriaWhere(em, filter, 'filter')) };
  if (filter.organisationId != null) position.organisation = parseGlobalId(filter.organisationId, 'filter.organisationId', ['Organisation']).id;
  if (Object.keys(position).length > 0) participation.position = position;
  if (filter.role != null) participation.role = filter.role;
  if (Object.keys(participation).length > 0) where.participations = { $some: participation };
  return where as FilterQuery<Session>;
}

export async function findSessions(
  em: EntityManager,
  page: PageArgs,
  filter: SessionFilter | undefined,
  info: GraphQLResolveInfo,
  scope: FilterQuery<Session> = {},
) {
  await requireKnownTopicSlugs(em, filter?.topicSlug, 'filter.topicSlug');
  const where = { $and: [scope, await sessionWhere(em, filter)] } as FilterQuery<Session>;
  return paginate(
    page,
    () => em.count(Session, where),
    ({ offset, limit }) => findRecords(em, Session, where, { orderBy: sessionOrder, offset, limit }),
    () => findIds(em, Session, where),
    info,
  );
}
