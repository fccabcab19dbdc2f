/**
 * Hostile requests against one production-like Lekgotla (compiled, with the
 * heap budget of scripts/server-node-flags), each timed, with the server's
 * RSS and whether it survived: the figures of docs/reliability.md's
 * "Limits and bad input".
 *
 *   sh scripts/with-node.sh node bench/hostile.ts [--admin-url URL] [--distinct N] [--no-build]
 *
 * Builds into bench/.build/hostile/dist, creates the database `lekgotla_hostile`
 * afresh on the server of --admin-url, and starts the server on it. A
 * scenario that kills the server is reported as such and the server is
 * started again for the next one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
// The server finds its compiled migrations only in a folder named dist.
const buildDir = path.join(benchDir, '.build', 'hostile', 'dist');

const { values: args } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    distinct: { type: 'string', default: '3500' },
    'no-build': { type: 'boolean', default: false },
  },
});
const distinctQueries = Number(args.distinct);
if (!Number.isInteger(distinctQueries) || distinctQueries < 0) throw new Error('--distinct must be a whole number');

const log = (message: string) => process.stderr.write(`[hostile] ${message}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type Server = { child: ChildProcess; url: string; output: string[] };

async function startServer(database: string): Promise<Server> {
  const port = await freePort();
  const flags = readFileSync(path.join(repoRoot, 'scripts', 'server-node-flags'), 'utf8').trim().split(/\s+/);
  const child = spawn(process.execPath, [...flags, path.join(buildDir, 'src', 'main.js')], {
    cwd: repoRoot,
    // One client sends everything here; the per-client limits are not what is measured.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: database, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', MAX_CONCURRENT_PER_CLIENT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 40) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output.join('')}`);
    if (await alive(url)) return { child, url, output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not start:\n${output.join('')}`);
}

async function alive(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) })).ok;
  } catch {
    return false;
  }
}

function rssMb(child: ChildProcess): number | undefined {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

type Outcome = { status: number | 'no answer'; code: string; ms: number };

async function post(url: string, body: unknown): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    let code = 'none';
    try {
      const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      code = parsed.errors?.[0]?.extensions?.code ?? 'none';
    } catch {
      code = 'not JSON';
    }
    return { status: response.status, code, ms: Math.round(performance.now() - started) };
  } catch {
    return { status: 'no answer', code: '-', ms: Math.round(performance.now() - started) };
  }
}

/** Distinct made-up words, as a hostile client would send: each is one more term for the text search to weigh. */
function big(bytes: number): string {
  let text = '';
  for (let index = 0; text.length < bytes; index++) text += `${(index * 2654435761 % 4294967296).toString(36)} `;
  return text.slice(0, bytes);
}
const searchQuery = 'query Search($q: String!) { search(query: $q) { totalCount } }';
const aliasedSearch = `query Search($q: String!) { ${Array.from({ length: 15 }, (_, i) => `s${i}: search(query: $q) { totalCount }`).join(' ')} }`;
const nameQuery = 'query People($name: String!) { people(filter: { name: $name }) { totalCount } }';
const trivial = { query: '{ topics(first: 1) { totalCount } }' };

/** Distinct texts (only the alias varies), each an ordinary read of about 20 KB: the sources and the conferences. */
function distinctQuery(index: number) {
  return {
    query: `query Ordinary${index} { s${index}: sources { nodes { id title text } } c${index}: conferences { nodes { id title theme year } } }`,
  };
}

type Row = { scenario: string; outcome: string; ms: number; rssMb: string; survived: string };

async function main() {
  if (!args['no-build']) {
    log('building into bench/.build/hostile/dist');
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', buildDir], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`tsc failed:\n${built.stdout}${built.stderr}`);
    // The compiled insights router reads src/insights/browser/ beside the build's parent (as bench/run.ts arranges).
    const insights = path.join(path.dirname(buildDir), 'src', 'insights');
    mkdirSync(insights, { recursive: true });
    if (!existsSync(path.join(insights, 'browser'))) symlinkSync(path.join(repoRoot, 'src', 'insights', 'browser'), path.join(insights, 'browser'), 'dir');
  }
  const admin = new pg.Client({ connectionString: args['admin-url'] });
  await admin.connect();
  await admin.query('drop database if exists lekgotla_hostile with (force)');
  await admin.query('create database lekgotla_hostile');
  await admin.end();
  const databaseUrl = new URL(args['admin-url']!);
  databaseUrl.pathname = '/lekgotla_hostile';

  const rows: Row[] = [];
  let server = await startServer(databaseUrl.toString());
  const scenario = async (name: string, run: (url: string) => Promise<{ outcome: string; ms: number }>) => {
    log(name);
    const { outcome, ms } = await run(server.url);
    const survived = await alive(server.url);
    rows.push({ scenario: name, outcome, ms, rssMb: survived ? String(rssMb(server.child) ?? '?') : '-', survived: survived ? 'yes' : 'no' });
    if (!survived) {
      server.child.kill('SIGKILL');
      server = await startServer(databaseUrl.toString());
    }
  };
  const describe = (outcome: Outcome) => `${outcome.status} ${outcome.code}`;

  await scenario('one search of 96 KB', async (url) => {
    const outcome = await post(url, { query: searchQuery, variables: { q: big(96_000) } });
    return { outcome: describe(outcome), ms: outcome.ms };
  });
  await scenario('15 aliases of search sharing one 96 KB variable', async (url) => {
    const outcome = await post(url, { query: aliasedSearch, variables: { q: big(96_000) } });
    return { outcome: describe(outcome), ms: outcome.ms };
  });
  await scenario('people filtered by a 90 KB name', async (url) => {
    const outcome = await post(url, { query: nameQuery, variables: { name: big(90_000) } });
    return { outcome: describe(outcome), ms: outcome.ms };
  });
  await scenario('a trivial query while four 96 KB searches run', async (url) => {
    const heavy = Array.from({ length: 4 }, () => post(url, { query: searchQuery, variables: { q: big(96_000) } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const outcome = await post(url, trivial);
    await Promise.all(heavy);
    return { outcome: describe(outcome), ms: outcome.ms };
  });
  await scenario(`${distinctQueries} distinct ordinary queries, 4 at a time`, async (url) => {
    const started = performance.now();
    let next = 0;
    const tally = new Map<string, number>();
    const worker = async () => {
      while (next < distinctQueries) {
        const outcome = await post(url, distinctQuery(next++));
        tally.set(describe(outcome), (tally.get(describe(outcome)) ?? 0) + 1);
        if (outcome.status === 'no answer') return;
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    const outcome = [...tally].map(([kind, count]) => `${count}× ${kind}`).join(', ');
    return { outcome, ms: Math.round(performance.now() - started) };
  });
  server.child.kill('SIGTERM');

  const header = ['scenario', 'answer', 'ms', 'RSS MB after', 'server alive'];
  const lines = [header, ...rows.map((row) => [row.scenario, row.outcome, String(row.ms), row.rssMb, row.survived])];
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|\n`);
  for (const line of lines.slice(1)) process.stdout.write(`| ${line.join(' | ')} |\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
