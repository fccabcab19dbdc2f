/** A request for an export that cannot be honoured as asked: HTTP 400, CLI usage error. */
export class ExportInputError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** The export names a record that does not exist (an unknown edition): HTTP 404. */
export class ExportNotFoundError extends Error {}
