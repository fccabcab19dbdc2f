import express from 'express';
import { Kind, parse } from 'graphql';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insightsContentSecurityPolicy, insightsPage } from './page.js';

/** src/insights → the repository; dist/src/insights → dist, whose parent is the repository (as in src/db/orm.config.ts). */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repositoryRoot = path.basename(projectRoot) === 'dist' ? path.dirname(projectRoot) : projectRoot;

/**
 * The page's scripts: plain browser modules, kept as source files and served
 * as they are (tsc does not copy them to dist). insights.js is the entry; it
 * imports its siblings by relative URL, so they are served beside it.
 */
export const INSIGHTS_SCRIPTS_DIR = path.join(repositoryRoot, 'src', 'insights', 'browser');
const INSIGHTS_ENTRY = 'insights.js';

/** Every .js file of the scripts folder by name, read once at start-up. */
function insightsScripts(): Map<string, string> {
  const names = readdirSync(INSIGHTS_SCRIPTS_DIR).filter((name) => name.endsWith('.js'));
  if (!names.includes(INSIGHTS_ENTRY)) throw new Error(`the insights page needs ${path.join(INSIGHTS_SCRIPTS_DIR, INSIGHTS_ENTRY)}, which is missing`);
  return new Map(names.map((name) => [name, readFileSync(path.join(INSIGHTS_SCRIPTS_DIR, name), 'utf8')]));
}

/** The manifest `npm run codegen` writes; it lists the page's operations (src/insights/operations.graphql) as the page must send them. */
export const PERSISTED_DOCUMENTS_FILE = path.join(repositoryRoot, 'client', 'generated', 'persisted-documents.json');
const INSIGHTS_OPERATIONS = ['InsightsOptions', 'InsightsTimeline', 'InsightsSessionTotals'];

/**
 * The page's operations by name, each exactly as the manifest lists it: a
 * server with TRUSTED_DOCUMENTS=anonymous runs only listed texts for callers
 * without a key, and these are the texts whose hashes it lists.
 */
function insightsOperations(manifestFile: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
  const byName = new Map<string, string>();
  for (const text of Object.values(manifest)) {
    for (const definition of parse(text, { noLocation: true }).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) byName.set(definition.name.value, text);
    }
  }
  return Object.fromEntries(
    INSIGHTS_OPERATIONS.map((name) => {
      const text = byName.get(name);
      if (text === undefined) throw new Error(`the insights page's operation ${name} is not in ${manifestFile}: run npm run codegen`);
      return [name, text];
    }),
  );
}

const require = createRequire(import.meta.url);
/** chart.js exports no package.json; its main entry sits in dist/ beside the UMD build the browser needs. */
const chartDist = path.dirname(require.resolve('chart.js'));
const CHART_FILE = path.join(chartDist, 'chart.umd.min.js');
const CHART_MAP_FILE = path.join(chartDist, 'chart.umd.min.js.map');
/** csv-stringify's synchronous API as an ES module with no imports of its own, which a browser loads as it is. */
const CSV_STRINGIFY_FILE = path.join(path.dirname(require.resolve('csv-stringify/sync')), '..', 'esm', 'sync.js');

/**
 * GET /insights (the page), /insights/insights.js and its sibling modules (its scripts),
 * /insights/operations.json (the GraphQL operations it sends) and
 * /insights/assets/chart.js and /insights/assets/csv-stringify.js (Chart.js and
 * the CSV writer the downloads use, from the installed packages), for
 * mounting at the application's root beside /graphql, which the page calls.
 * Everything is served from this server: intranets often have no internet.
 */
export function insightsRouter(): express.Router {
  for (const file of [INSIGHTS_SCRIPTS_DIR, CHART_FILE, CSV_STRINGIFY_FILE, PERSISTED_DOCUMENTS_FILE]) {
    if (!existsSync(file)) throw new Error(`the insights page needs ${file}, which is missing`);
  }
  const scripts = insightsScripts();
  const operations = insightsOperations(PERSISTED_DOCUMENTS_FILE);
  const page = insightsPage({ endpoint: '/graphql', scriptUrl: `/insights/${INSIGHTS_ENTRY}`, chartUrl: '/insights/assets/chart.js' });

  const router = express.Router();
  router.get('/insights', (_request, response) => {
    response
      .set('content-security-policy', insightsContentSecurityPolicy)
      .set('x-content-type-options', 'nosniff')
      .set('referrer-policy', 'same-origin')
      .type('html')
      .send(page);
  });
  router.get('/insights/:file.js', (request, response, next) => {
    const script = scripts.get(`${request.params.file}.js`);
    if (script === undefined) return next();
    response.set('x-content-type-options', 'nosniff').type('application/javascript').send(script);
  });
  router.get('/insights/operations.json', (_request, response) => {
    response.set('x-content-type-options', 'nosniff').json(operations);
  });
  router.get('/insights/assets/chart.js', (_request, response) => {
    response.sendFile(CHART_FILE, { maxAge: '1d', headers: { 'content-type': 'application/javascript; charset=utf-8' } });
  });
  router.get('/insights/assets/csv-stringify.js', (_request, response) => {
    response.sendFile(CSV_STRINGIFY_FILE, { maxAge: '1d', headers: { 'content-type': 'application/javascript; charset=utf-8' } });
  });
  // The minified build names its source map relative to itself; serve it for anyone opening developer tools.
  router.get('/insights/assets/chart.umd.min.js.map', (_request, response) => {
    response.sendFile(CHART_MAP_FILE, { maxAge: '1d' });
  });
  return router;
}
