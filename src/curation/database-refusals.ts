import {
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { BadInputError, ConflictError } from '../errors.js';

/**
 * What the database refuses, as a domain error that names the problem, not
 * the SQL: for curators' writes and imports alike. Anything else is returned
 * as it is.
 */
export function refusalOf(error: unknown): unknown {
  if (error instanceof OptimisticLockError) {
    return new ConflictError('The record was changed by someone else since the version you sent; read it again and reapply your change');
  }
  if (error instanceof UniqueConstraintViolationException) {
    return new ConflictError('A record with the same natural key already exists');
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new ConflictError('The record is still referenced by others, or refers to one that does not exist');
  }
  if (error instanceof NotNullConstraintViolationException) return new BadInputError('A required field is missing');
  return error;
}

