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
} as const;

/** The codes a domain error may carry: mistakes the caller can correct. */
export type DomainErrorCode = typeof ErrorCode.BAD_USER_INPUT | typeof ErrorCode.NOT_FOUND | typeof ErrorCode.CONFLICT;

/**
 * A refusal the domain words for the caller: what is wrong and, for bad
 * input, which argument. Raised anywhere below the top floor, and turned
 * into a GraphQL error with its code in one place (src/server/format-error.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The argument (or input path) at fault, for BAD_USER_INPUT. */
    readonly argument?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is wrong: a malformed id, a missing or contradictory field. */
export class BadInputError extends DomainError {
  constructor(message: string, argument?: string) {
    super(ErrorCode.BAD_USER_INPUT, message, argument);
  }
}

/** The change contradicts what is stored: a taken natural key, a stale version, a record still referenced. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

/** The record named does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.NOT_FOUND, message);
  }
}

export function badUserInput(message: string, argument?: string): BadInputError {
  return new BadInputError(message, argument);
}
