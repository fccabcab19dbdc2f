import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { globalIdOf, parseGlobalId, type NodeType } from '../schema/global-id.js';
import { Node } from '../schema/node.js';
import type { Context } from '../context.js';

const loaderOf = {
  Conference: 'conference',
  ConferenceSeries: 'series',
  ConferenceDay: 'day',
  Session: 'session',
  Participation: 'participation',
  Person: 'person',
  Position: 'position',
  Organisation: 'organisation',
  Topic: 'topic',
  Source: 'source',
  Annex: 'annex',
  Document: 'document',
} as const satisfies Record<NodeType, keyof Context['loaders']>;

@Resolver(() => Node)
export class NodeResolver {
  // A record or, from a mutation, an entity: the type being answered names it either way.
  @FieldResolver(() => ID, { description: 'Opaque and stable; it names the type of the record.' })
  id(@Root() node: { id: number }, @Info() info: GraphQLResolveInfo) {
    return globalIdOf(info.parentType.name as NodeType, node.id);
  }

  @Query(() => Node, { nullable: true, description: 'Any record by its global id, whatever its type; null when no record has it.' })
  node(@Ctx() { loaders }: Context, @Arg('id', () => ID, { description: "A global id from any record's id field." }) id: string) {
    const { type, id: key } = parseGlobalId(id, 'id');
    return loaders[loaderOf[type]].get(key);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several records by their global ids, in the order asked; null for an id with no record.' })
  nodes(@Ctx() { loaders }: Context, @Arg('ids', () => [ID], { description: "Global ids from records' id fields." }) ids: string[]) {
    return Promise.all(
      ids.map((id) => {
        const { type, id: key } = parseGlobalId(id, 'ids');
        return loaders[loaderOf[type]].get(key);
      }),
    );
  }
}
