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
import {
  AttendanceResolver,
  ConferenceFactsResolver,
  DocumentResolver,
  OutcomeResolver,
  ProgrammeCoverageResolver,
  SeriesFactsResolver,
  SessionDocumentResolver,
  SessionDocumentsResolver,
  TopicDocumentsResolver,
} from '../resolvers/edition-facts.resolver.js';
import { CatalogueMutations } from '../resolvers/mutations/catalogue.mutations.js';
import { PeopleMutations } from '../resolvers/mutations/people.mutations.js';
import { ProgrammeMutations } from '../resolvers/mutations/programme.mutations.js';
import { IdentityMutations } from '../resolvers/mutations/identity.mutations.js';
import { HistoryResolver } from '../resolvers/history.resolver.js';
import { ImportMutations } from '../resolvers/mutations/import.mutations.js';
import { DraftResolver } from '../resolvers/draft.resolver.js';
import { ClaimResolver, claimsFieldResolvers } from '../resolvers/claim.resolver.js';
import { authChecker } from '../auth/auth-checker.js';
import {
  ParticipationConnectionResolver,
  ParticipationFacetsResolver,
  SessionConnectionResolver,
  SessionFacetsResolver,
} from '../resolvers/facets.resolver.js';

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
  SessionConnectionResolver,
  ParticipationConnectionResolver,
  SessionFacetsResolver,
  ParticipationFacetsResolver,
  TopicAssignmentResolver,
  SourceResolver,
  AnnexResolver,
  CitationResolver,
  ContactResolver,
  ConferenceFactsResolver,
  SeriesFactsResolver,
  ProgrammeCoverageResolver,
  AttendanceResolver,
  OutcomeResolver,
  SessionDocumentsResolver,
  TopicDocumentsResolver,
  SessionDocumentResolver,
  DocumentResolver,
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
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: { forbidUnknownValues: false }, authChecker });
  describeRootTypes(schema);
  return schema;
}

/**
 * type-graphql builds the root types itself and offers no option for their
 * descriptions; the IDE shows them first, so they are set here.
 */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  if (query) query.description = 'Everything a researcher can ask: conferences, sessions, people, organisations, topics, sources, search and history.';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'Changes to the knowledge base, each with its evidence and recorded in the history; they need an API key (Authorization: Bearer …).';
}

/** The schema as SDL in a stable order, as committed in src/schema/schema.graphql. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
