import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay global object identification: every Node has an opaque id that names its type. */
@InterfaceType({
  description: 'Any record with a global id: fetch it again with node(id:), whatever its type.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id, unique across all types; stable for the life of the record.' })
  id!: number;
}
