import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ConferenceResolver } from '../resolvers/conference.resolver.js';
import { ConferenceDayResolver } from '../resolvers/day.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';
import { OrganisationResolver } from '../resolvers/organisation.resolver.js';
import { ParticipationResolver } from '../resolvers/participation.resolver.js';
import { PersonResolver, PositionResolver, PossibleDuplicateResolver } from '../resolvers/person.resolver.js';
import { SearchResolver } from '../resolvers/search.resolver.js';
import { SessionResolver } from '../resolvers/session.resolver.js';
import {
  AnnexResolver,
  CitationResolver,
  ConferenceSeriesResolver,
  ContactResolver,
  SourceResolver,
  TopicAssignmentResolver,
} from '../resolvers/source.resolver.js';
import { TopicResolver } from '../resolvers/topic.resolver.js';
import { CatalogueMutations } from '../resolvers/mutations/catalogue.mutations.js';
import { PeopleMutations } from '../resolvers/mutations/people.mutations.js';
import { ProgrammeMutations } from '../resolvers/mutations/programme.mutations.js';
import { IdentityMutations } from '../resolvers/mutations/identity.mutations.js';
import { HistoryResolver } from '../resolvers/history.resolver.js';
import { ImportMutations } from '../resolvers/mutations/import.mutations.js';
import { DraftResolver } from '../resolvers/draft.resolver.js';
import { ClaimResolver, claimsFieldResolvers } from '../resolvers/claim.resolver.js';
import { authChecker } from '../auth/auth-checker.js';

export const resolvers = [
  NodeResolver,
  ConferenceResolver,
  ConferenceSeriesResolver,
  ConferenceDayResolver,
  SessionResolver,
  ParticipationResolver,
  PersonResolver,
  PositionResolver,
  PossibleDuplicateResolver,
  OrganisationResolver,
  TopicResolver,
  TopicAssignmentResolver,
  SourceResolver,
  AnnexResolver,
  CitationResolver,
  ContactResolver,
  SearchResolver,
  PeopleMutations,
  ProgrammeMutations,
  CatalogueMutations,
  IdentityMutations,
  HistoryResolver,
  ImportMutations,
  DraftResolver,
  ClaimResolver,
  ...claimsFieldResolvers,
] as const;

/** The executable schema, built from the resolvers and the entities they expose. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: { forbidUnknownValues: false }, authChecker });
}

/** The schema as SDL in a stable order, as committed in src/schema/schema.graphql. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
