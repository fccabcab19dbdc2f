/**
 * PostGraphile V5 over the same database as Lekgotla, for the benchmark:
 * the Amber preset with simplified inflection, lists instead of connections,
 * no mutations, the `pg` adaptor of @dataplan/pg on a pool of the same size
 * as Lekgotla's (10), and Grafserv on a bare node:http server.
 *
 * It sees the schemas `public` (Lekgotla's tables) and `bench`: the SQL
 * functions the harness creates in the benchmark database only, for the two
 * shapes PostGraphile has no generated equivalent of (search and the topic
 * timeline) and for a session filter across relations (topic, year range).
 *
 *   node bench/postgraphile.ts --database postgresql://… --port 4102
 */
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { countPgStatements, serveStatementCount } from './pg-counter.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: process.env.DATABASE_URL },
    port: { type: 'string', default: '4102' },
    'pool-size': { type: 'string', default: '10' },
    // Both servers send prepared statements; after five runs PostgreSQL may switch to a generic plan,
    // which for the bench functions' year-range and topic filters is up to 6× slower at scale 10.
    // Lekgotla (MikroORM) inlines its values, so it always gets a custom plan: so do these, unless
    // --plan-cache-mode auto asks for PostgreSQL's default.
    'plan-cache-mode': { type: 'string', default: 'force_custom_plan' },
    'print-schema': { type: 'boolean', default: false },
  },
});
if (!values.database) throw new Error('postgraphile: --database (or DATABASE_URL) is required');

countPgStatements();
const pool = new pg.Pool({
  connectionString: values.database,
  max: Number(values['pool-size']),
  options: `-c plan_cache_mode=${values['plan-cache-mode']}`,
});

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench'] })],
  schema: {
    // Lists where Lekgotla has lists; nothing that writes.
    defaultBehavior: '-connection +list -insert -update -delete',
    pgOmitListSuffix: true,
    dontSwallowErrors: true,
  },
  // Order and condition arguments on every column, not only indexed ones: Lekgotla
  // orders participations by `ordinal`, which has no index of its own.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);

if (values['print-schema']) {
  const { printSchema } = await import('postgraphile/graphql');
  process.stdout.write(printSchema(await pgl.getSchema()));
  await pgl.release();
  await pool.end();
  process.exit(0);
}

const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
const server = createServer((request, response) => {
  if (serveStatementCount(request, response)) return;
  handler(request, response, () => {
    response.writeHead(404).end();
  });
});
await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
process.stdout.write(`postgraphile listening on http://127.0.0.1:${values.port}/graphql\n`);

const stop = async () => {
  server.close();
  server.closeAllConnections();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
