import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import { Change } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { globalIdOf, nodeTypes, parseGlobalId, type NodeType } from '../schema/global-id.js';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { ConnectionType, paginate } from './connection.js';
import { PageArgs } from './page.args.js';
import { findIds, findRecords } from '../loaders/records.js';

export const ChangeConnection = ConnectionType(Change, 'Change');

@Resolver(() => Change)
export class HistoryResolver {
  @Query(() => ChangeConnection, { description: 'The history of changes, newest first: of one record, of one key holder, or of everything.' })
  changes(
    @Ctx() { em }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('recordId', () => ID, { nullable: true, description: 'Only changes to this record (its global id).' }) recordId?: string,
    @Arg('actor', { nullable: true, description: 'Only changes made with this API key (its name) or by "corpus-load".' }) actor?: string,
    @Arg('importId', { nullable: true, description: 'Only the changes one import made (ImportReport.importId).' }) importId?: string,
  ) {
    const where: FilterQuery<Change> = {};
    // Sent as null, either filters by nothing, as leaving it out does.
    if (recordId != null) {
      const { type, id } = parseGlobalId(recordId, 'recordId');
      Object.assign(where, { recordType: type, recordId: id });
    }
    if (actor != null) Object.assign(where, { actor });
    if (importId != null) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(importId)) throw badUserInput(`"${importId}" is not an import id`, 'importId');
      Object.assign(where, { importId });
    }
    return paginate(
      page,
      () => em.count(Change, where),
      ({ offset, limit }) => findRecords(em, Change, where, { orderBy: { id: 'desc' }, offset, limit }),
      () => findIds(em, Change, where),
      info,
    );
  }

  @FieldResolver(() => ID, { description: 'The global id of the changed record (Citation ids are plain numbers).' })
  recordId(@Root() change: Columns<Change>): string {
    return nodeTypes.includes(change.recordType as NodeType)
      ? globalIdOf(change.recordType as NodeType, change.recordId)
      : String(change.recordId);
  }
}
