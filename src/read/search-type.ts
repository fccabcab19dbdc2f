/** A kind of record that search can return (the GraphQL enum SearchType, registered with its descriptions by src/resolvers/search.types.ts). */
export enum SearchType {
  CONFERENCE = 'CONFERENCE',
  SESSION = 'SESSION',
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
  SOURCE = 'SOURCE',
  POSITION = 'POSITION',
}

/** The kinds of record a search asks for: each once, every kind when none is named. */
export const searchedTypes = (types: readonly SearchType[] | null | undefined): SearchType[] =>
  types && types.length > 0 ? [...new Set(types)] : Object.values(SearchType);
