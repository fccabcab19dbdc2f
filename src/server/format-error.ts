import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { databaseFailure, databaseFailureMessages } from './database-errors.js';

/** Codes whose messages were written for the client and may be shown as they are. */
const clientCodes = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_TRUSTED',
]);

/**
 * The one place errors leave the server: client mistakes keep their message
 * and code; anything else (database text, stack traces) is logged and
 * replaced by a neutral message.
 */
const persistedQueryMistakes = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

type FieldProblem = { property: string; constraints?: Record<string, string>; children?: FieldProblem[] };

/** class-validator's nested problems as "input.surname: surname must be …" lines. */
function describeProblems(problems: FieldProblem[], path = ''): string[] {
  return problems.flatMap((problem) => {
    const here = path ? `${path}.${problem.property}` : problem.property;
    const own = Object.values(problem.constraints ?? {}).map((message) => `${here}: ${message}`);
    return [...own, ...describeProblems(problem.children ?? [], here)];
  });
}

export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const problems = describeProblems(original.extensions.validationErrors as FieldProblem[]);
      return {
        message: `Invalid input: ${problems.join('; ')}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, problems },
      };
    }
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...(original.argument ? { argumentName: original.argument } : {}) },
      };
    }
    // The client learns only that it may try again (see database-errors.ts). An outage is logged once by
    // the connections that notice it; a statement out of time is this request's, and logged here.
    const failure = databaseFailure(error);
    if (failure) {
      const cause = `answered ${failure}: ${original instanceof Error ? original.message : String(original)}`;
      if (failure === ErrorCode.TIMEOUT) logger.warn(cause);
      else logger.debug(cause);
      return { message: databaseFailureMessages[failure], locations: formatted.locations, path: formatted.path, extensions: { code: failure } };
    }
    // Apollo reports a malformed persisted query as an internal error; it is the caller's mistake all the same.
    if (persistedQueryMistakes.has(formatted.message)) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && clientCodes.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error('unexpected error while answering a request', original);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
