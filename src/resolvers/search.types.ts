import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Conference, Organisation, Person, Session, Source } from '../entities/index.js';

export enum SearchType {
  CONFERENCE = 'CONFERENCE',
  SESSION = 'SESSION',
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
  SOURCE = 'SOURCE',
}
registerEnumType(SearchType, { name: 'SearchType' });

export const SearchResult = createUnionType({
  name: 'SearchResult',
  types: () => [Conference, Session, Person, Organisation, Source] as const,
  resolveType: (value) => value.constructor.name,
});

@ObjectType()
export class SearchHit {
  @Field(() => SearchResult)
  node!: Conference | Session | Person | Organisation | Source;

  @Field(() => Float)
  score!: number;

  @Field(() => String, { nullable: true, description: 'Matched words marked up for display.' })
  highlight?: string | null;
}
