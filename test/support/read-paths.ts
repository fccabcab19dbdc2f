/**
 * The same query answered through the resolvers rather than the read floor's
 * compiled statement: an introspection root field beside it is one the read
 * floor never compiles, so graphql-js executes the whole operation.
 */
export const throughResolvers = (query: string) => query.replace(/\{/, '{ __type(name: "Query") { name } ');
