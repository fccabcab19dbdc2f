import { GraphQLError } from 'graphql';

/** Error codes clients branch on; messages are for people. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached just now: HTTP 503 with Retry-After. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** A statement ran out of time (STATEMENT_TIMEOUT_MS): HTTP 503 with Retry-After. */
  TIMEOUT: 'TIMEOUT',
  /** The query may read more records than MAX_QUERY_COST allows (src/server/query-cost.ts): HTTP 400. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
} as const;

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argumentName: argument } : {}) },
  });
}
