import express from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insightsContentSecurityPolicy, insightsPage } from './page.js';

/** src/insights → the repository; dist/src/insights → dist, whose parent is the repository (as in src/db/orm.config.ts). */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repositoryRoot = path.basename(projectRoot) === 'dist' ? path.dirname(projectRoot) : projectRoot;

/** The page's script: plain browser JavaScript, kept as a source file and served as is (tsc does not copy it to dist). */
export const INSIGHTS_SCRIPT_FILE = path.join(repositoryRoot, 'src', 'insights', 'insights.js');

const require = createRequire(import.meta.url);
/** chart.js exports no package.json; its main entry sits in dist/ beside the UMD build the browser needs. */
const chartDist = path.dirname(require.resolve('chart.js'));
const CHART_FILE = path.join(chartDist, 'chart.umd.min.js');
const CHART_MAP_FILE = path.join(chartDist, 'chart.umd.min.js.map');

/**
 * GET /insights (the page), /insights/insights.js (its script) and
 * /insights/assets/chart.js (Chart.js from the installed package), for
 * mounting at the application's root beside /graphql, which the page calls.
 * Everything is served from this server: intranets often have no internet.
 */
export function insightsRouter(): express.Router {
  for (const file of [INSIGHTS_SCRIPT_FILE, CHART_FILE]) {
    if (!existsSync(file)) throw new Error(`the insights page needs ${file}, which is missing`);
  }
  const script = readFileSync(INSIGHTS_SCRIPT_FILE, 'utf8');
  const page = insightsPage({ endpoint: '/graphql', scriptUrl: '/insights/insights.js', chartUrl: '/insights/assets/chart.js' });

  const router = express.Router();
  router.get('/insights', (_request, response) => {
    response
      .set('content-security-policy', insightsContentSecurityPolicy)
      .set('x-content-type-options', 'nosniff')
      .set('referrer-policy', 'same-origin')
      .type('html')
      .send(page);
  });
  router.get('/insights/insights.js', (_request, response) => {
    response.set('x-content-type-options', 'nosniff').type('application/javascript').send(script);
  });
  router.get('/insights/assets/chart.js', (_request, response) => {
    response.sendFile(CHART_FILE, { maxAge: '1d', headers: { 'content-type': 'application/javascript; charset=utf-8' } });
  });
  // The minified build names its source map relative to itself; serve it for anyone opening developer tools.
  router.get('/insights/assets/chart.umd.min.js.map', (_request, response) => {
    response.sendFile(CHART_MAP_FILE, { maxAge: '1d' });
  });
  return router;
}
