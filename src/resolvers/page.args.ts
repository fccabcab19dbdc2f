import { ArgsType, Field, Int } from 'type-graphql';

/** Forward paging, as the contract gives nested lists. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

/** Paging both ways, as the contract gives root lists. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true })
  last?: number;

  @Field(() => String, { nullable: true })
  before?: string;
}
