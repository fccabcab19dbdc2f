import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a deletion removed.' })
export class DeletedRecord {
  @Field(() => ID, { description: 'The id the record had.' })
  id!: string;

  @Field({ description: 'The GraphQL type of the deleted record, e.g. "Annex".' })
  recordType!: string;
}
