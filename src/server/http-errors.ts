import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

/** The one shape of every error answer, GraphQL's: clients read `errors[0].extensions.code`. */
export type ErrorAnswer = { errors: Array<{ message: string; extensions: { code: string } & Record<string, unknown> }> };

export function sendError(response: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  const answer: ErrorAnswer = { errors: [{ message, extensions: { ...extensions, code } }] };
  response.status(status).type('application/json').send(JSON.stringify(answer));
}

/** What body-parser and serve-static report, by their `type`, told to the client without their internals. */
const requestProblems: Record<string, { status: number; code: string; message: (error: { limit?: number; charset?: string; encoding?: string }) => string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: () => 'The request body is not a JSON object' },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: (error) => `The request body is larger than ${Math.round((error.limit ?? 0) / 1024)} KB`,
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: (error) => `The request body must be UTF-8; charset "${error.charset ?? ''}" is not supported`,
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: (error) => `Content-Encoding "${error.encoding ?? ''}" is not supported`,
  },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: () => 'The request was aborted before its body arrived' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: () => 'The request body is not as long as Content-Length says' },
  'stream.encoding.set': { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: () => 'Internal server error' },
};

type HttpError = Error & { type?: string; status?: number; statusCode?: number; limit?: number; charset?: string; encoding?: string };

/** Answers a path nothing serves, in the one error shape. */
export function notFound(): RequestHandler {
  return (request, response) => {
    sendError(response, 404, ErrorCode.NOT_FOUND, `Nothing is served at ${request.method} ${request.path}`);
  };
}

/**
 * The last error handler: body-parser's refusals become 4xx answers that say
 * what was wrong; anything else is logged and answered 500 with a neutral
 * message. Express's own handler would send an HTML page with the stack
 * and the server's paths.
 */
export function errorAnswers(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, request, response, next) => {
    if (response.headersSent) return next(error);
    const problem = error.type === undefined ? undefined : requestProblems[error.type];
    if (problem) return sendError(response, problem.status, problem.code, problem.message(error));
    const status = error.status ?? error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return sendError(response, status, status === 404 ? ErrorCode.NOT_FOUND : 'BAD_REQUEST', status === 404 ? `Nothing is served at ${request.method} ${request.path}` : 'The request cannot be answered as sent');
    }
    logger.error(`${request.method} ${request.path} failed`, error);
    sendError(response, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  };
}
