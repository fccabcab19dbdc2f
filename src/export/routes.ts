import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { databaseFailure, databaseFailureMessages, RETRY_AFTER_SECONDS } from '../server/database-errors.js';
import { sendError } from '../server/http-errors.js';
import type { ExportName } from './catalogue.js';
import { ExportInputError, ExportNotFoundError } from './errors.js';

/**
 * The analysts' downloads, under /export. Mount with `app.use(exportRouter(orm))`
 * (the paths include /export). Every request works in its own fork of the
 * EntityManager, so requests never share an identity map.
 */
export function exportRouter(orm: MikroORM, logger?: Logger): express.Router {
  const router = express.Router();

  const serve = (name: ExportName, pathParameters: (request: Request) => Record<string, unknown> = () => ({})) =>
    async (request: Request, response: Response) => {
      // Query parameters and path parameters share one namespace so a clash
      // (?series=...) is refused as an unknown parameter, not silently merged.
      // The renderers and their libraries load at the first download: most servers never make one.
      const { prepareExport } = await import('./catalogue.js');
      const render = prepareExport(name, { ...request.query, ...pathParameters(request) });
      const file = await render(orm.em.fork());
      response.attachment(file.filename).type(file.contentType).send(file.body);
    };

  router.get('/export/conferences.csv', serve('conferences.csv'));
  router.get('/export/sessions.csv', serve('sessions.csv'));
  router.get('/export/topic-timeline.csv', serve('topic-timeline.csv'));
  router.get('/export/conferences/:series/:year.jsonld', serve('conference.jsonld', ({ params }) => params));
  router.get('/export/conferences/:series/:year.ics', serve('conference.ics', ({ params }) => params));

  // Errors come in the API's one shape, GraphQL's: { errors: [{ message, extensions: { code } }] }.
  const errors: ErrorRequestHandler = (error, request, response, next) => {
    const failure = databaseFailure(error);
    if (failure) {
      response.set('retry-after', String(RETRY_AFTER_SECONDS));
      sendError(response, 503, failure, databaseFailureMessages[failure]);
    } else if (error instanceof ExportInputError) {
      sendError(response, 400, ErrorCode.BAD_USER_INPUT, error.message, { parameter: error.parameter });
    } else if (error instanceof ExportNotFoundError) {
      sendError(response, 404, ErrorCode.NOT_FOUND, error.message);
    } else if (logger) {
      logger.error(`export ${request.path} failed`, error);
      sendError(response, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'the export failed');
    } else {
      next(error);
    }
  };
  // Scoped to /export so errors of the app's other routes never come out as export failures.
  router.use('/export', errors);
  return router;
}
