import { ArgsType, Field, Int } from 'type-graphql';

/** Forward paging, as the contract gives nested lists. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items to return from the start (or after the cursor `after`): 20 if not given, at most 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier page: return the items after it.' })
  after?: string;
}

/** Paging both ways, as the contract gives root lists. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items to return from the end (or before the cursor `before`); at most 100.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier page: return the items before it.' })
  before?: string;
}
