import { DateResolver } from 'graphql-scalars';

/** ISO-8601 calendar dates (YYYY-MM-DD); the database hands them over as strings. */
export const DateScalar = DateResolver;
