import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from '../config.js';
import type { ReplicaRouting } from '../db/replica-routing.js';
import type { StatementCounter } from '../db/statement-counter.js';
import type { Logger } from '../logger.js';
import type { Context } from '../context.js';
import { createContext, RequestContext } from './context.js';
import { databaseFailurePlugin } from './database-errors.js';
import { gracefulDrain } from './drain.js';
import { formatError } from './format-error.js';
import { errorAnswers, notFound } from './http-errors.js';
import { securityHeaders, varyByCaller } from './security-headers.js';
import { createClientLimits, type ClientLimits } from './client-limits.js';
import { graphiqlPage, ideContentSecurityPolicy } from './graphiql-page.js';
import { ideScript } from './ide-script.js';
import { faviconRouter } from './favicon.js';
import { ideExamples } from './ide-examples.js';
import type { Caching } from './caching.js';
import { corsForPortals } from './cors.js';
import { exportRouter } from '../export/routes.js';
import { insightsRouter } from '../insights/index.js';
import { curateRouter } from '../curate-page/index.js';
import { argumentLimitsPlugin } from './argument-limits.js';
import { queryLimits } from './query-limits.js';
import { compiledReadsPlugin } from './compiled-reads.js';
import { createStatementRunner } from '../read/run-statement.js';
import { stringifyResult } from './compiled-answer.js';
import { databaseDependencies, readiness } from './readiness.js';
import { persistedQueryShape, trustedDocumentsPlugin } from './trusted-documents.js';

/**
 * node:http through its CommonJS exports: an ES import of it builds the module's
 * facade, whose lazy WebSocket export loads undici (2.3 MB of heap the server never uses).
 */
const http = process.getBuiltinModule('node:http');

export type App = { server: Server; apollo: ApolloServer<Context>; limits: ClientLimits };

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The static files of the IDE, each from the installed package that ships it (a Map: "__proto__" is no file). */
const ideAssets = new Map<string, string>([
  ['graphiql.min.css', path.join(packageDir('graphiql'), 'graphiql.min.css')],
  ['graphiql.min.js', path.join(packageDir('graphiql'), 'graphiql.min.js')],
  // The query builder, built for GraphiQL's browser bundle (it uses the React and GraphiQL that page loads).
  ['explorer.css', path.join(packageDir('@graphiql/plugin-explorer'), 'dist', 'style.css')],
  ['explorer.umd.js', path.join(packageDir('@graphiql/plugin-explorer'), 'dist', 'index.umd.js')],
  ['react.production.min.js', path.join(packageDir('react'), 'umd', 'react.production.min.js')],
  ['react-dom.production.min.js', path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js')],
]);

/** Wires the GraphQL endpoint, its IDE and the health endpoints onto one HTTP server. */
export async function createApp(options: {
  orm: MikroORM;
  statements: StatementCounter;
  replicas: ReplicaRouting;
  caching: Caching;
  schema: GraphQLSchema;
  /** Where parsed documents are kept between requests (Apollo's default store counts them at a quarter of their size). */
  documentStore: KeyValueCache<DocumentNode>;
  config: Config;
  logger: Logger;
}): Promise<App> {
  const { orm, statements, replicas, caching, schema, documentStore, config, logger } = options;
  const limits = queryLimits(config);
  const trusted = trustedDocumentsPlugin(config);
  const runStatement = createStatementRunner(() => orm.em.getConnection().getNativeClient(), statements.onQuery);
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Browsers may not send a simple cross-site request: GETs need a preflighted header (see README).
    csrfPrevention: true,
    cache: caching.cache,
    documentStore,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // A compiled answer goes out as the text PostgreSQL wrote (compiled-answer.ts).
    stringifyResult,
    // main.ts owns shutdown and its order: HTTP server (drained by apollo.stop()), Apollo, ORM, then the embedded cluster.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    plugins: [
      // graphql-armor's typings come from Apollo's CommonJS build; the plugins are the same at run time.
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      limits.hideFieldSuggestions,
      limits.queryCost,
      argumentLimitsPlugin(),
      ...caching.plugins,
      databaseFailurePlugin<Context>(),
      ...(trusted ? [trusted] : []),
      compiledReadsPlugin(runStatement, logger),
      ApolloServerPluginLandingPageDisabled(),
      // A request waits on the database for at most the statement timeout; a few seconds more let it answer.
      ...gracefulDrain(server, config.statementTimeoutMs + 5000),
      {
        // The request's identity map goes with the request.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              if (contextValue instanceof RequestContext) contextValue.release();
              const tally = statements.current();
              if (config.reportSqlStatements && tally && response.body.kind === 'single') {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: tally.statements };
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // Whatever NODE_ENV says: express's development mode is for pages with stack traces, which no one here sees.
  app.set('env', 'production');
  // Behind a load balancer every request comes from it: the per-client limits need the address it forwards.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  const clientLimits = await createClientLimits(config, logger);
  if (clientLimits.handlers.length > 0) app.use(['/graphql', '/export'], ...clientLimits.handlers);
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', readiness({ ...databaseDependencies(orm, replicas, logger), ...caching.dependencies, ...clientLimits.dependencies }));
  // A request without a key cannot write, so everything it reads may come from a replica (replica-routing.ts).
  app.use((request, _response, next) => (request.headers.authorization ? next() : replicas.onReplicas(next)));
  app.get('/ide/assets/:file', (request, response, next) => {
    const file = ideAssets.get(request.params.file);
    if (!file) return next();
    response.sendFile(file, { maxAge: '1d' });
  });
  app.get('/ide/ide.js', (_request, response) => {
    response.type('application/javascript').send(ideScript);
  });
  app.use(faviconRouter());
  app.get('/graphql', varyByCaller, (request, response, next) => {
    // Browsers asking for a page get the IDE; GraphQL clients get GraphQL.
    if (request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    response.set('content-security-policy', ideContentSecurityPolicy).type('html').send(graphiqlPage({ endpoint: '/graphql', examples: ideExamples }));
  });
  app.use(insightsRouter());
  app.use(curateRouter());
  app.use('/export', corsForPortals(config));
  app.use(exportRouter(orm, logger));
  app.get('/', (_request, response) => {
    response.redirect('/graphql');
  });
  // The address researchers who know GraphQL Playground type; the IDE is the same.
  app.get('/playground', (_request, response) => {
    response.redirect('/graphql');
  });
  app.use(
    '/graphql',
    corsForPortals(config),
    (_request, _response, next) => statements.track(next).result,
    express.json({ limit: '100kb' }),
    persistedQueryShape,
    expressMiddleware(apollo, { context: ({ req }) => createContext(orm, req.headers.authorization) }),
  );
  app.use(notFound());
  app.use(errorAnswers(logger));

  return { server, apollo, limits: clientLimits };
}
