import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay global object identification: every Node has an opaque id that names its type. */
@InterfaceType({
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID)
  id!: number;
}
