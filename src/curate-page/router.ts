import express from 'express';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { curateContentSecurityPolicy, curatePage } from './page.js';

/** src/curate-page → the repository; dist/src/curate-page → dist, whose parent is the repository (as in src/insights/router.ts). */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repositoryRoot = path.basename(projectRoot) === 'dist' ? path.dirname(projectRoot) : projectRoot;

/** The page's script: plain browser JavaScript, kept as a source file and served as is (tsc does not copy it to dist). */
export const CURATE_SCRIPT_FILE = path.join(repositoryRoot, 'src', 'curate-page', 'curate.js');

/**
 * GET /curate (the editors' import review page) and /curate/curate.js (its
 * script), for mounting at the application's root beside /graphql, which the
 * page calls for everything it does. Nothing comes from elsewhere: intranets
 * often have no internet.
 */
export function curateRouter(): express.Router {
  if (!existsSync(CURATE_SCRIPT_FILE)) throw new Error(`the review page needs ${CURATE_SCRIPT_FILE}, which is missing`);
  const script = readFileSync(CURATE_SCRIPT_FILE, 'utf8');
  const page = curatePage({ endpoint: '/graphql', scriptUrl: '/curate/curate.js' });

  const router = express.Router();
  router.get('/curate', (_request, response) => {
    response
      .set('content-security-policy', curateContentSecurityPolicy)
      .set('x-content-type-options', 'nosniff')
      .set('referrer-policy', 'same-origin')
      .type('html')
      .send(page);
  });
  router.get('/curate/curate.js', (_request, response) => {
    response.set('x-content-type-options', 'nosniff').type('application/javascript').send(script);
  });
  return router;
}
