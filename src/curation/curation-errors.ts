import { ConflictError, NotFoundError } from '../errors.js';

export function conflict(message: string): ConflictError {
  return new ConflictError(message);
}

export function notFound(message: string): NotFoundError {
  return new NotFoundError(message);
}

/** A review names changes or conflicts the import does not report: it was made for another input, or another state of the knowledge base. */
export class ReviewError extends ConflictError {
  constructor(readonly unknownKeys: string[]) {
    super(
      `The review names ${unknownKeys.length === 1 ? 'a change or conflict' : 'changes or conflicts'} this import does not report (${unknownKeys.join(', ')}); run the dry run again and review its report`,
    );
  }
}
