import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from '../config.js';
import type { ReplicaRouting } from '../db/replica-routing.js';
import type { StatementCounter } from '../db/statement-counter.js';
import type { Logger } from '../logger.js';
import type { Context } from '../context.js';
import { createContext } from './context.js';
import { formatError } from './format-error.js';
import { graphiqlPage, graphiqlScript } from './graphiql-page.js';
import { ideExamples } from './ide-examples.js';
import type { Caching } from './caching.js';
import { corsForPortals } from './cors.js';
import { exportRouter } from '../export/routes.js';
import { insightsRouter } from '../insights/index.js';
import { queryLimits } from './query-limits.js';
import { compiledReadsPlugin } from './compiled-reads.js';
import { createStatementRunner } from '../read/run-statement.js';
import { trustedDocumentsPlugin } from './trusted-documents.js';

export type App = { server: http.Server; apollo: ApolloServer<Context> };

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The static files of the IDE, each from the installed package that ships it. */
const ideAssets: Record<string, string> = {
  'graphiql.min.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
  'graphiql.min.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'react.production.min.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
};

/** Wires the GraphQL endpoint, its IDE and the health endpoints onto one HTTP server. */
export async function createApp(options: {
  orm: MikroORM;
  statements: StatementCounter;
  replicas: ReplicaRouting;
  caching: Caching;
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
}): Promise<App> {
  const { orm, statements, replicas, caching, schema, config, logger } = options;
  const limits = queryLimits(config);
  const trusted = trustedDocumentsPlugin(config);
  const runStatement = createStatementRunner(() => orm.em.getConnection().getNativeClient(), statements.onQuery);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Browsers may not send a simple cross-site request: GETs need a preflighted header (see README).
    csrfPrevention: true,
    cache: caching.cache,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown and its order: HTTP server, Apollo, ORM, then the embedded cluster.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    plugins: [
      // graphql-armor's typings come from Apollo's CommonJS build; the plugins are the same at run time.
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      ...caching.plugins,
      ...(trusted ? [trusted] : []),
      compiledReadsPlugin(runStatement, logger),
      ApolloServerPluginLandingPageDisabled(),
      {
        // The request's identity map goes with the request.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              contextValue.em.clear();
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

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      // The primary and every replica: key holders' requests need the one, readers' the others.
      await Promise.all(replicas.everyConnection(orm.driver).map((connection) => connection.execute('select 1')));
      response.json({ status: 'ready' });
    } catch (error) {
      logger.warn(`readiness check failed: ${error instanceof Error ? error.message : String(error)}`);
      response.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  // A request without a key cannot write, so everything it reads may come from a replica (replica-routing.ts).
  app.use((request, _response, next) => (request.headers.authorization ? next() : replicas.onReplicas(next)));
  app.get('/ide/assets/:file', (request, response, next) => {
    const file = ideAssets[request.params.file];
    if (!file) return next();
    response.sendFile(file, { maxAge: '1d' });
  });
  app.get('/ide/ide.js', (_request, response) => {
    response.type('application/javascript').send(graphiqlScript);
  });
  app.get('/graphql', (request, response, next) => {
    // Browsers asking for a page get the IDE; GraphQL clients get GraphQL.
    if (request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    response.type('html').send(graphiqlPage({ endpoint: '/graphql', examples: ideExamples }));
  });
  app.use(insightsRouter());
  app.use('/export', corsForPortals(config));
  app.use(exportRouter(orm, logger));
  app.get('/', (_request, response) => {
    response.redirect('/graphql');
  });
  app.use(
    '/graphql',
    corsForPortals(config),
    (_request, _response, next) => statements.track(next).result,
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: ({ req }) => createContext(orm, req.headers.authorization) }),
  );

  const server = http.createServer(app);
  return { server, apollo };
}
