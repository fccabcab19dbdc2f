import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * Database failures that are not the request's fault and not a bug: the
 * database is unreachable, restarting or full of connections, or a
 * statement ran out of time. They are answered 503 with a Retry-After, so
 * clients and load balancers retry instead of reporting a broken server.
 */
export type DatabaseFailure = typeof ErrorCode.DATABASE_UNAVAILABLE | typeof ErrorCode.TIMEOUT;

/** About the longest back-off of the reconnecting connections: by then the database is usually back. */
export const RETRY_AFTER_SECONDS = 5;

export const databaseFailureMessages: Record<DatabaseFailure, string> = {
  DATABASE_UNAVAILABLE: 'The database is unavailable; try again shortly',
  TIMEOUT: 'The query took too long and was stopped; try again shortly, or ask for less',
};

// PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const TIMED_OUT = new Set(['57014']); // query_canceled: statement_timeout, or a cancel request
const UNAVAILABLE = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or recovering
  '53300', // too_many_connections
]);
// Node's codes for a connection that could not be made or was cut.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres says these in words only: the connection ended under a query, or none could be had in time.
const CONNECTION_LOST = /^Connection terminated|timeout exceeded when trying to connect|is not queryable/;

function classify(error: Error): DatabaseFailure | undefined {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && TIMED_OUT.has(code)) return ErrorCode.TIMEOUT;
  // Class 08 is "connection exception".
  if (code && (UNAVAILABLE.has(code) || NETWORK.has(code) || code.startsWith('08'))) return ErrorCode.DATABASE_UNAVAILABLE;
  if (CONNECTION_LOST.test(error.message)) return ErrorCode.DATABASE_UNAVAILABLE;
  return undefined;
}

/**
 * Which database failure an error is, if any, looking through the wrappers
 * it may come in: GraphQL's (originalError), MikroORM's and Node's (cause),
 * and the AggregateError of a refused connection to every address of a host.
 */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const candidate = pending.shift();
    if (!(candidate instanceof Error) || seen.has(candidate)) continue;
    seen.add(candidate);
    const failure = classify(candidate);
    if (failure) return failure;
    if (candidate instanceof GraphQLError) pending.push(candidate.originalError);
    if (candidate instanceof AggregateError) pending.push(...candidate.errors);
    pending.push(candidate.cause);
  }
  return undefined;
}

/** The extensions that make Apollo answer a database failure with 503 and Retry-After. */
function failureExtensions(failure: DatabaseFailure) {
  return { code: failure, http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) } };
}

/** The error to throw where a database failure happens outside a resolver (building the request's context). */
export function databaseFailureError(failure: DatabaseFailure, cause: Error): GraphQLError {
  return new GraphQLError(databaseFailureMessages[failure], { originalError: cause, extensions: failureExtensions(failure) });
}

/**
 * Marks resolvers' database failures with their code and `http` extension
 * before Apollo formats them and sets the answer's status and headers from
 * them. Done here, once per failed request, rather than by wrapping every
 * resolver, which would cost every field of every answer.
 */
export function databaseFailurePlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const failure = databaseFailure(error);
            if (failure) Object.assign(error.extensions, failureExtensions(failure));
          }
        },
      };
    },
  };
}
