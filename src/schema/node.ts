import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The GraphQL type of a value answering as a Node or a SearchResult, each
 * of which is named as its entity: a record of the read path
 * (src/loaders/records.ts) names the entity it was read from; a managed
 * entity, as a mutation may return, is an instance of the entity's class.
 */
export function typeOfRecord(value: object): string {
  return 'entity' in value && typeof value.entity === 'string' ? value.entity : value.constructor.name;
}

/** Relay global object identification: every Node has an opaque id that names its type. */
@InterfaceType({
  description: 'Any record with a global id: fetch it again with node(id:), whatever its type.',
  resolveType: typeOfRecord,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id, unique across all types; stable for the life of the record.' })
  id!: number;
}
