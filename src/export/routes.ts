import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Logger } from '../logger.js';
import { databaseFailure, databaseFailureMessages, RETRY_AFTER_SECONDS } from '../server/database-errors.js';
import { prepareExport, type ExportName } from './catalogue.js';
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
      const render = prepareExport(name, { ...request.query, ...pathParameters(request) });
      const file = await render(orm.em.fork());
      response.attachment(file.filename).type(file.contentType).send(file.body);
    };

  router.get('/export/conferences.csv', serve('conferences.csv'));
  router.get('/export/sessions.csv', serve('sessions.csv'));
  router.get('/export/topic-timeline.csv', serve('topic-timeline.csv'));
  router.get('/export/conferences/:series/:year.jsonld', serve('conference.jsonld', ({ params }) => params));
  router.get('/export/conferences/:series/:year.ics', serve('conference.ics', ({ params }) => params));

  const errors: ErrorRequestHandler = (error, request, response, next) => {
    const failure = databaseFailure(error);
    if (failure) {
      response.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ error: { code: failure, message: databaseFailureMessages[failure] } });
    } else if (error instanceof ExportInputError) {
      response.status(400).json({ error: { code: 'BAD_USER_INPUT', message: error.message, parameter: error.parameter } });
    } else if (error instanceof ExportNotFoundError) {
      response.status(404).json({ error: { code: 'NOT_FOUND', message: error.message } });
    } else if (logger) {
      logger.error(`export ${request.path} failed`, error);
      response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'the export failed' } });
    } else {
      next(error);
    }
  };
  // Scoped to /export so errors of the app's other routes never come out as export failures.
  router.use('/export', errors);
  return router;
}
