import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page sits in its list (Relay paging).' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page: ask again with `before: startCursor`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page." })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor; null on an empty page." })
  endCursor?: string | null;
}
