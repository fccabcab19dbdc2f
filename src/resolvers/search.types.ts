import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Conference, Organisation, Person, Position, Session, Source } from '../entities/index.js';
import { typeOfRecord } from '../schema/node.js';
import type { ConferenceRecord, OrganisationRecord, PersonRecord, PositionRecord, SessionRecord, SourceRecord } from '../loaders/record-types.js';
import { SearchType } from '../read/search-type.js';

export { SearchType };

registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'A kind of record that search can return.',
  valuesConfig: {
    CONFERENCE: { description: 'Conference editions (title, theme, objectives).' },
    SESSION: {
      description: "Sessions (title, description, key issues), and, weighing less, the names of the people who took part, of their organisations and of the session's topics.",
    },
    PERSON: { description: 'People, by name.' },
    ORGANISATION: { description: 'Organisations, by name, acronym or alias.' },
    SOURCE: { description: 'Sources, by title and text.' },
    POSITION: { description: "Positions, by title and by the organisation's name, acronym or alias." },
  },
});

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A record that search found: ask for its fields with `... on Conference { … }` and so on.',
  types: () => [Conference, Session, Person, Organisation, Source, Position] as const,
  resolveType: typeOfRecord,
});

@ObjectType({ description: 'One record that matched a search, with how well it matched.' })
export class SearchHit {
  @Field(() => SearchResult, { description: 'The record that matched.' })
  node!: ConferenceRecord | SessionRecord | PersonRecord | OrganisationRecord | SourceRecord | PositionRecord;

  @Field(() => Float, { description: "How well the record matched (PostgreSQL's full-text rank): hits come highest first." })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Matched words marked up for display.' })
  highlight?: string | null;
}
