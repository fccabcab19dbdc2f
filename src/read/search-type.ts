/** A kind of record that search can return (the GraphQL enum SearchType, registered with its descriptions by src/resolvers/search.types.ts). */
export enum SearchType {
  CONFERENCE = 'CONFERENCE',
  SESSION = 'SESSION',
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
  SOURCE = 'SOURCE',
  POSITION = 'POSITION',
}
