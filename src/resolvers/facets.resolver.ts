import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ParticipationRecord, SessionRecord } from '../loaders/record-types.js';
import type { OrganisationKind, ParticipationRole, SessionKind } from '../entities/enums.js';
import type { Context } from '../context.js';
import type { Bucket } from '../loaders/facets.js';
import type { Connection } from './connection.js';
import { ParticipationConnection, SessionConnection } from './connections.js';
import {
  OrganisationKindCount,
  ParticipationFacets,
  RoleCount,
  SessionFacets,
  SessionKindCount,
  YearCount,
  type FacetSet,
} from './facets.types.js';

function facetSetOf(connection: Connection<unknown>, nodeType: FacetSet['nodeType']): FacetSet {
  const { facetIds } = connection;
  // The paging helpers (src/resolvers/connection.ts) give every list they page the ids of its whole set.
  if (!facetIds) throw new Error(`a ${nodeType} connection without the ids of its whole list`);
  return { nodeType, ids: facetIds };
}

/** One facet's buckets over the set's ids, batched with the same facet of other lists (src/loaders/facets.ts). */
const buckets = ({ loaders }: Context, set: FacetSet, facet: string): Promise<Bucket[]> => loaders.facets.load({ nodeType: set.nodeType, facet, ids: set.ids });

const years = (rows: Bucket[]): YearCount[] => rows.map(({ value, count }) => ({ year: value as number, count }));
const roles = (rows: Bucket[]): RoleCount[] => rows.map(({ value, count }) => ({ role: value as ParticipationRole, count }));
const organisationKinds = (rows: Bucket[]): OrganisationKindCount[] => rows.map(({ value, count }) => ({ kind: value as OrganisationKind, count }));

@Resolver(() => SessionConnection)
export class SessionConnectionResolver {
  @FieldResolver(() => SessionFacets, {
    description: 'Counts of the whole filtered list (every page) by year, format, role and kind of organisation, for facets beside the results.',
  })
  facets(@Root() connection: Connection<SessionRecord>): Pick<SessionFacets, 'set'> {
    return { set: facetSetOf(connection, 'Session') };
  }
}

@Resolver(() => ParticipationConnection)
export class ParticipationConnectionResolver {
  @FieldResolver(() => ParticipationFacets, {
    description: 'Counts of the whole filtered list (every page) by year, role and kind of organisation, for facets beside the results.',
  })
  facets(@Root() connection: Connection<ParticipationRecord>): Pick<ParticipationFacets, 'set'> {
    return { set: facetSetOf(connection, 'Participation') };
  }
}

@Resolver(() => SessionFacets)
export class SessionFacetsResolver {
  @FieldResolver(() => [YearCount])
  async byYear(@Root() facets: SessionFacets, @Ctx() context: Context) {
    return years(await buckets(context, facets.set, 'byYear'));
  }

  @FieldResolver(() => [SessionKindCount])
  async byKind(@Root() facets: SessionFacets, @Ctx() context: Context): Promise<SessionKindCount[]> {
    return (await buckets(context, facets.set, 'byKind')).map(({ value, count }) => ({ kind: value as SessionKind, count }));
  }

  @FieldResolver(() => [RoleCount])
  async byRole(@Root() facets: SessionFacets, @Ctx() context: Context) {
    return roles(await buckets(context, facets.set, 'byRole'));
  }

  @FieldResolver(() => [OrganisationKindCount])
  async byOrganisationKind(@Root() facets: SessionFacets, @Ctx() context: Context) {
    return organisationKinds(await buckets(context, facets.set, 'byOrganisationKind'));
  }
}

@Resolver(() => ParticipationFacets)
export class ParticipationFacetsResolver {
  @FieldResolver(() => [YearCount])
  async byYear(@Root() facets: ParticipationFacets, @Ctx() context: Context) {
    return years(await buckets(context, facets.set, 'byYear'));
  }

  @FieldResolver(() => [RoleCount])
  async byRole(@Root() facets: ParticipationFacets, @Ctx() context: Context) {
    return roles(await buckets(context, facets.set, 'byRole'));
  }

  @FieldResolver(() => [OrganisationKindCount])
  async byOrganisationKind(@Root() facets: ParticipationFacets, @Ctx() context: Context) {
    return organisationKinds(await buckets(context, facets.set, 'byOrganisationKind'));
  }
}
