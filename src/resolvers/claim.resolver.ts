import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { decideClaim } from '../curation/claims.js';
import { write } from '../curation/write.js';
import { Claim, Conference, ConferenceDay, ConferenceSeries, Organisation, Person, Position, Session, Source, Topic } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { ClaimDecision, ClaimStatus, Role } from '../entities/enums.js';
import { badUserInput } from '../errors.js';
import { globalIdOf, nodeTypes, type NodeType } from '../schema/global-id.js';
import type { Context } from '../context.js';
import { ConnectionType, paginate } from './connection.js';
import { PageArgs } from './page.args.js';
import { findIds, findRecords } from '../loaders/records.js';

export const ClaimConnection = ConnectionType(Claim, 'Claim');

@Resolver(() => Claim)
export class ClaimResolver {
  @Authorized(Role.EDITOR)
  @Query(() => ClaimConnection, {
    description: "Competing claims imports recorded, oldest first: by default the OPEN ones, each an editor's decision to make (decideClaim).",
  })
  claims(
    @Ctx() { em }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ClaimStatus, { nullable: true, description: 'OPEN when left out or null.' }) status?: ClaimStatus | null,
  ) {
    const where = { status: status ?? ClaimStatus.OPEN };
    return paginate(
      page,
      () => em.count(Claim, where),
      ({ offset, limit }) => findRecords(em, Claim, where, { orderBy: { id: 'asc' }, offset, limit }),
      () => findIds(em, Claim, where),
      info,
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, {
    description:
      "Decides an open claim: ACCEPT makes its value the answer (the history records it), KEEP leaves the known value, RECORD_BOTH keeps the known value and the claimed one beside it (as an alias where the record has aliases).",
  })
  decideClaim(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: 'The id of the claim.' }) id: string,
    @Arg('decision', () => ClaimDecision, { description: 'ACCEPT the claimed value, KEEP the known one, or RECORD_BOTH.' }) decision: ClaimDecision,
  ) {
    if (!/^[1-9][0-9]{0,9}$/.test(id)) throw badUserInput(`"${id}" is not a claim id`, 'id');
    return write(context, (change) => decideClaim(change, Number(id), decision));
  }

  @FieldResolver(() => ID, { description: 'The global id of the record the claim is about.' })
  recordId(@Root() claim: Columns<Claim>): string {
    return nodeTypes.includes(claim.recordType as NodeType) ? globalIdOf(claim.recordType as NodeType, claim.recordId) : String(claim.recordId);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source that states the value.' })
  source(@Root() claim: Columns<Claim>, @Ctx() { loaders }: Context) {
    return claim.source ? loaders.source.get(claim.source.id) : null;
  }
}

/** The `claims` field of a claimable type: what sources say that differs from its answers. */
function claimsField<T extends { id: number }>(type: ClassType<T>, typeName: NodeType) {
  @Resolver(() => type)
  class ClaimsField {
    @FieldResolver(() => [Claim], {
      description: 'What sources state that differs from the answers here, with their citations and whether an editor has decided; oldest first.',
    })
    claims(@Root() record: { id: number }, @Ctx() { loaders }: Context) {
      return loaders.claims.load(`${typeName}:${record.id}`);
    }
  }
  return ClaimsField;
}

export const claimsFieldResolvers = [
  claimsField(Organisation, 'Organisation'),
  claimsField(Person, 'Person'),
  claimsField(Position, 'Position'),
  claimsField(Conference, 'Conference'),
  claimsField(ConferenceSeries, 'ConferenceSeries'),
  claimsField(ConferenceDay, 'ConferenceDay'),
  claimsField(Session, 'Session'),
  claimsField(Topic, 'Topic'),
] as const;
