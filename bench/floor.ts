/**
 * The "database floor": a bare node:http server that answers each query
 * shape with ONE hand-written SQL statement (bench/shapes.ts, FLOOR_SQL)
 * that builds the whole answer as JSON inside PostgreSQL; Node only wraps
 * the text as {"data": …}. No GraphQL, no ORM, no parsing of the result:
 * what is left is HTTP, one round trip, and the database's own work.
 *
 *   POST /<shape>   body: a JSON array of the statement's parameters
 *   GET  /__bench/statements   statements sent so far (bench/pg-counter.ts)
 *
 *   node bench/floor.ts --database postgresql://… --port 4103
 */
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { countPgStatements, serveStatementCount } from './pg-counter.ts';
import { FLOOR_SQL } from './shapes.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: process.env.DATABASE_URL },
    port: { type: 'string', default: '4103' },
    'pool-size': { type: 'string', default: '10' },
    // Both servers send prepared statements; after five runs PostgreSQL may switch to a generic plan,
    // which for the bench functions' year-range and topic filters is up to 6× slower at scale 10.
    // Lekgotla (MikroORM) inlines its values, so it always gets a custom plan: so do these, unless
    // --plan-cache-mode auto asks for PostgreSQL's default.
    'plan-cache-mode': { type: 'string', default: 'force_custom_plan' },
  },
});
if (!values.database) throw new Error('floor: --database (or DATABASE_URL) is required');

countPgStatements();
const pool = new pg.Pool({
  connectionString: values.database,
  max: Number(values['pool-size']),
  options: `-c plan_cache_mode=${values['plan-cache-mode']}`,
});

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((request, response) => {
  if (serveStatementCount(request, response)) return;
  const name = (request.url ?? '/').slice(1);
  const sql = FLOOR_SQL[name];
  if (request.method !== 'POST' || sql === undefined) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no such shape"}]}');
    return;
  }
  body(request)
    .then(async (text) => {
      const params = JSON.parse(text) as unknown[];
      // A named statement: parsed and planned once per connection, as a hand-tuned service would.
      const result = await pool.query<{ data: string }>({ name: `floor_${name}`, text: sql, values: params });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"data":${result.rows[0]!.data}}`);
    })
    .catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
    });
});

await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
process.stdout.write(`floor listening on http://127.0.0.1:${values.port}/\n`);

const stop = async () => {
  server.close();
  server.closeAllConnections();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
