/**
 * Benchmark harness: Lekgotla against PostGraphile V5, join-monster (shapes
 * 1–3, bench/join-monster.ts) and a hand-written "database floor", on the
 * same PostgreSQL database, shape by shape.
 *
 *   npm run bench -- [--quick] [--scale N] [--database URL] [--connections 50] [--duration 20]
 *                    [--warmup S] [--shapes programme,sessions,…] [--search TEXT] [--fresh]
 *                    [--profile S] [--soak S] [--no-build] [--admin-url URL] [--port-base P] [--rounds N] [--out DIR] [--force]
 *   npm run bench -- --instances N [--scale N] [--shapes …] [--connections C] [--duration S] [--rounds R] [--force]
 *
 * 1. builds Lekgotla into bench/.build/dist (so a concurrent `npm run build`,
 *    which empties dist/, cannot pull files from under a running benchmark);
 * 2. without --database, creates and fills `lekgotla_bench_<scale>` on the
 *    server of --admin-url (migrate, load the seed, `synth --scale N` when
 *    the generator exists), or reuses it when a previous run completed it;
 * 3. creates the `bench` schema (bench/bench-schema.ts) PostGraphile sees;
 * 4. picks parameters from the data, starts the three servers, checks that
 *    each answers every shape without errors and that the three normalised
 *    answers are equal, and counts statements per request;
 * 5. per shape and server: warms up, then drives it with autocannon at the
 *    same connections and duration, every response compared byte for byte
 *    with the checked one, while sampling the server's RSS;
 * 6. with --profile S, runs Lekgotla once more under `node --cpu-prof`,
 *    drives shapes 1–3 for S seconds each and summarises the profile;
 * 7. with --soak S (off unless given, --quick too), starts a fresh Lekgotla
 *    alone and drives it for S seconds, each connection cycling through every
 *    selected shape with the answers still checked, reading its RSS every
 *    5 s: does memory settle after the first minute, or keep growing?
 * 8. prints one table, the ratios, the soak and the targets, and writes them
 *    (JSON and Markdown) to bench/results/.
 *
 * The harness knows its machine: it refuses to start while the 1-minute load
 * average is above BUSY_LOAD_PER_CORE per core (--force runs anyway, and the
 * report says so), runs 3 rounds unless told otherwise (medians, with the
 * spread of req/s), and records per run the load average and the CPU each
 * server and PostgreSQL used (cores busy on average over the run).
 *
 * With --instances N it measures scaling out instead (steps 1, 2 and 4, then
 * scaleOut below): N Lekgotla instances on the same database, each shape
 * driven through one of them and then through all N, the load spread evenly
 * over them as a round-robin balancer would; req/s, latencies, Node and
 * PostgreSQL CPU per request, the rest of the machine's CPU and the load
 * average before and after each run.
 *
 * Every server is stopped at the end, whatever happened.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchSchemaSql, captureLekgotlaSql } from './bench-schema.ts';
import { searchWordList, summariseLatencies, timeEachWord, type LatencySummary } from './search-words.ts';
import { summariseProfile } from './profile-summary.ts';
import { buildShapes, pickParameters, sessionsVariant, type Picks, type ServerName, type Shape } from './shapes.ts';
import { noRssGrowth, rssTrend, type RssSample, type RssTrend } from './soak.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const buildRoot = path.join(benchDir, '.build');
const lekgotlaDist = path.join(buildRoot, 'dist');
const SERVERS: ServerName[] = ['lekgotla', 'postgraphile', 'floor', 'joinmonster'];

// ---------------------------------------------------------------- options

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    database: { type: 'string' },
    'admin-url': { type: 'string', default: process.env.BENCH_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    shapes: { type: 'string' },
    search: { type: 'string', default: 'leadership' },
    fresh: { type: 'boolean', default: false },
    profile: { type: 'string' },
    soak: { type: 'string' },
    build: { type: 'boolean' },
    'no-build': { type: 'boolean', default: false },
    'port-base': { type: 'string' },
    rounds: { type: 'string' },
    out: { type: 'string', default: path.join(benchDir, 'results') },
    'allow-mismatch': { type: 'boolean', default: false },
    'lekgotla-node-options': { type: 'string' },
    force: { type: 'boolean', default: false },
    instances: { type: 'string' },
  },
});

const quick = args.quick;
const options = {
  scale: args.scale === undefined ? 1 : Number(args.scale),
  connections: Number(args.connections ?? (quick ? 10 : 50)),
  duration: Number(args.duration ?? (quick ? 3 : 20)),
  warmup: Number(args.warmup ?? (quick ? 1 : 3)),
  profileSeconds: args.profile === undefined ? 0 : Number(args.profile),
  soakSeconds: args.soak === undefined ? 0 : Number(args.soak),
  rounds: Math.max(1, Number(args.rounds ?? (quick ? 1 : 3))),
  /** With --instances N: compare 1 instance with N (0: the usual comparison of servers). */
  instances: args.instances === undefined ? 0 : Number(args.instances),
  /** Filled in by main(): free ports unless --port-base P asks for P, P+1, P+2. */
  ports: { lekgotla: 0, postgraphile: 0, floor: 0, joinmonster: 0 } as Record<ServerName, number>,
};
for (const [key, value] of Object.entries({ scale: options.scale, connections: options.connections, duration: options.duration, warmup: options.warmup, soak: options.soakSeconds, profile: options.profileSeconds })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${key} must be a non-negative number`);
}
if (args.instances !== undefined && !(Number.isInteger(options.instances) && options.instances >= 2)) {
  throw new Error('--instances must be a whole number of 2 or more: the run compares one instance with that many');
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>();

function killAll(signal: NodeJS.Signals = 'SIGTERM') {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
process.on('exit', () => killAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the servers`);
    killAll('SIGTERM');
    setTimeout(() => process.exit(130), 2000).unref();
  });
}

function runNode(script: string[], env: Record<string, string>, label: string): void {
  const result = spawnSync(process.execPath, script, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  for (const line of `${result.stdout}`.trim().split('\n').filter(Boolean).slice(-3)) log(`  ${label}: ${line}`);
}

type Server = { name: ServerName; child: ChildProcess; url: string; output: string[] };

/** The Node flags production runs Lekgotla with (`npm start`, the Docker image): its heap budget. */
function serverNodeFlags(): string[] {
  return readFileSync(path.join(repoRoot, 'scripts', 'server-node-flags'), 'utf8').trim().split(/\s+/);
}

function startServer(name: ServerName, database: string, extraNodeArgs: string[] = [], port = options.ports[name]): Server {
  const script =
    name === 'lekgotla'
      ? [...serverNodeFlags(), path.join(lekgotlaDist, 'src', 'main.js')]
      : [path.join(benchDir, name === 'joinmonster' ? 'join-monster.ts' : `${name}.ts`), '--database', database, '--port', String(port)];
  const env: Record<string, string> =
    name === 'lekgotla'
      ? {
          DATABASE_URL: database,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          RESPONSE_CACHE: 'off',
          CACHE_MAX_AGE: '0',
          LOAD_SEED_ON_START: 'false',
          REPORT_SQL_STATEMENTS: 'true',
          // The harness is one client at 50 connections: per-client limits would measure themselves.
          RATE_LIMIT_PER_MINUTE: '0',
          MAX_CONCURRENT_PER_CLIENT: '0',
          NODE_ENV: 'production',
          // For experiments such as --max-semi-space-size; the other servers keep Node's defaults.
          ...(args['lekgotla-node-options'] ? { NODE_OPTIONS: args['lekgotla-node-options'] } : {}),
        }
      : { GRAPHILE_ENV: 'production', NODE_ENV: 'production' };
  const child = spawn(process.execPath, [...extraNodeArgs, ...script], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', () => children.delete(child));
  return { name, child, url: `http://127.0.0.1:${port}`, output };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(server: Server): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode}):\n${server.output.join('')}`);
    try {
      const ok =
        server.name === 'lekgotla'
          ? (await fetch(`${server.url}/healthz`)).ok
          : (await fetch(`${server.url}/__bench/statements`)).ok;
      if (ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.name} did not become ready in 90 s:\n${server.output.join('')}`);
}

/** A port nothing listens on now (the machine is shared: fixed ports may be taken by someone else's server). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------- build and database

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildLekgotla(): void {
  const stamp = path.join(buildRoot, 'built-at');
  const main = path.join(lekgotlaDist, 'src', 'main.js');
  const stale = !existsSync(stamp) || Math.max(newestMtime(path.join(repoRoot, 'src')), newestMtime(path.join(repoRoot, 'migrations'))) > statSync(stamp).mtimeMs;
  if (args['no-build'] || (!args.build && !stale)) {
    if (!existsSync(main)) throw new Error(`no build at ${lekgotlaDist}: run without --no-build`);
    log(`using the existing build in ${path.relative(repoRoot, lekgotlaDist)} (${args['no-build'] ? '--no-build' : 'up to date'})`);
    return;
  }
  log('building Lekgotla: tsc -p tsconfig.build.json --outDir bench/.build/dist');
  const started = Date.now();
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', lekgotlaDist], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    // Others edit src/ while this runs: tsc still emits, so a type error elsewhere need not stop the benchmark.
    if (!existsSync(main)) throw new Error(`tsc failed:\n${result.stdout}${result.stderr}`);
    log(`WARNING: tsc reported errors (it emitted all the same):\n${result.stdout.split('\n').slice(0, 10).join('\n')}`);
  }
  // The compiled insights router reads src/insights/browser/ beside the build's parent.
  const insights = path.join(buildRoot, 'src', 'insights');
  mkdirSync(insights, { recursive: true });
  if (!existsSync(path.join(insights, 'browser'))) symlinkSync(path.join(repoRoot, 'src', 'insights', 'browser'), path.join(insights, 'browser'), 'dir');
  // So does the review page's router, src/curate-page/curate.js.
  const curate = path.join(buildRoot, 'src', 'curate-page');
  mkdirSync(curate, { recursive: true });
  if (!existsSync(path.join(curate, 'curate.js'))) symlinkSync(path.join(repoRoot, 'src', 'curate-page', 'curate.js'), path.join(curate, 'curate.js'));
  // And the insights router reads its operations from the persisted-documents manifest, client/generated/.
  const client = path.join(buildRoot, 'client');
  mkdirSync(client, { recursive: true });
  if (!existsSync(path.join(client, 'generated'))) symlinkSync(path.join(repoRoot, 'client', 'generated'), path.join(client, 'generated'));
  writeFileSync(stamp, new Date().toISOString());
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Whether the built CLI has the synthetic corpus generator yet (`kb synth`), by its usage text. */
function synthAvailable(): boolean {
  const kb = path.join(lekgotlaDist, 'src', 'cli', 'kb.js');
  const usage = spawnSync(process.execPath, [kb], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  return /^\s+synth\b/m.test(`${usage.stdout}${usage.stderr}`);
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates and fills the benchmark database unless a previous run completed it; returns its URL and what it holds. */
async function prepareDatabase(): Promise<{ url: string; corpus: string; scale: number | null }> {
  if (args.database) {
    // With --scale too, the caller vouches for what the database holds (e.g. filled by hand with `kb synth`).
    return args.scale === undefined
      ? { url: args.database, corpus: 'as given (--database)', scale: null }
      : { url: args.database, corpus: `as given (--database), stated to hold scale ${options.scale}`, scale: options.scale };
  }
  const synth = synthAvailable() && options.scale > 0;
  if (!synth && options.scale > 0) log(`WARNING: the synthetic corpus generator (src/synth) is not there yet: benchmarking the seed corpus only, not scale ${options.scale}`);
  const corpus = synth ? `seed + synth --scale ${options.scale}` : 'seed corpus only';
  const name = synth ? `lekgotla_bench_s${String(options.scale).replace(/\W/g, '_')}` : 'lekgotla_bench_seed';
  const url = withDatabaseName(args['admin-url'], name);
  const marker = `lekgotla bench: ${corpus}: complete`;
  const admin = new pg.Client(args['admin-url']);
  await admin.connect();
  try {
    const existing = await admin.query<{ comment: string | null }>(
      'select shobj_description(oid, \'pg_database\') as comment from pg_database where datname = $1',
      [name],
    );
    if (existing.rows.length > 0 && existing.rows[0]!.comment === marker && !args.fresh) {
      log(`reusing database ${name} (${corpus}); --fresh rebuilds it`);
      return { url, corpus, scale: synth ? options.scale : null };
    }
    if (existing.rows.length > 0) await admin.query(`drop database ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' };
  const kb = path.join(lekgotlaDist, 'src', 'cli', 'kb.js');
  log(`creating ${name}: migrate, load the seed${synth ? `, synth --scale ${options.scale}` : ''}`);
  const started = Date.now();
  runNode([kb, 'migrate'], env, 'migrate');
  runNode([kb, 'load'], env, 'load');
  if (synth) runNode([kb, 'synth', '--scale', String(options.scale)], env, 'synth');
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query('vacuum analyze');
    await client.query(`comment on database ${name} is '${marker}'`);
  } finally {
    await client.end();
  }
  log(`filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { url, corpus, scale: synth ? options.scale : null };
}

async function corpusCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = ['conference', 'conference_day', 'session', 'participation', 'person', 'position', 'organisation', 'topic', 'session_topic', 'source', 'citation'];
  const { rows } = await client.query(`select ${tables.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(', ')}`);
  return rows[0] as Record<string, number>;
}

// ---------------------------------------------------------------- requests

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

type Sent = { status: number; body: string; json: { data?: Record<string, unknown>; errors?: unknown[]; extensions?: { sqlStatements?: number } } };

function requestFor(server: ServerName, shape: Shape): { url: string; body: string } | null {
  const port = options.ports[server];
  if (server === 'floor') return { url: `http://127.0.0.1:${port}/${shape.name === 'sessions-10' ? 'sessions' : shape.name}`, body: JSON.stringify(shape.floorParams) };
  const request = server === 'lekgotla' ? shape.lekgotla : server === 'joinmonster' ? shape.joinmonster : shape.postgraphile;
  if (!request) return null;
  return { url: `http://127.0.0.1:${port}/graphql`, body: JSON.stringify(request) };
}

async function send(target: { url: string; body: string }): Promise<Sent> {
  const response = await fetch(target.url, { method: 'POST', headers: JSON_HEADERS, body: target.body });
  const body = await response.text();
  let json: Sent['json'];
  try {
    json = JSON.parse(body) as Sent['json'];
  } catch {
    json = { errors: [`not JSON: ${body.slice(0, 200)}`] };
  }
  return { status: response.status, body, json };
}

async function statementsSoFar(server: ServerName): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${options.ports[server]}/__bench/statements`);
  return ((await response.json()) as { statements: number }).statements;
}

/** One request on its own: its answer and how many SQL statements it took. */
async function measureOnce(server: ServerName, shape: Shape): Promise<{ sent: Sent; statements: number | null } | null> {
  const target = requestFor(server, shape);
  if (!target) return null;
  if (server === 'lekgotla') {
    const sent = await send(target);
    return { sent, statements: sent.json.extensions?.sqlStatements ?? null };
  }
  const before = await statementsSoFar(server);
  const sent = await send(target);
  const after = await statementsSoFar(server);
  return { sent, statements: after - before };
}

function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items vs ${b.length}`;
    for (let index = 0; index < a.length; index += 1) {
      const found = firstDifference(a[index], b[index], `${at}[${index}]`);
      if (found) return found;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}

type Check = { statements: number | null; bytes: number; body: string; items: number | null; aloneMs: number | null };

/** The median time of three more requests sent one at a time, the server otherwise idle. */
async function latencyAlone(server: ServerName, shape: Shape): Promise<number | null> {
  const target = requestFor(server, shape);
  if (!target) return null;
  const times: number[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const started = performance.now();
    await send(target);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** Checks every server answers every shape without errors, and that the normalised answers agree. */
async function checkShapes(shapes: Shape[]): Promise<Map<string, Map<ServerName, Check>>> {
  const checks = new Map<string, Map<ServerName, Check>>();
  const problems: string[] = [];
  for (const shape of shapes) {
    const byServer = new Map<ServerName, Check>();
    const normal = new Map<ServerName, unknown>();
    for (const server of SERVERS) {
      const measured = await measureOnce(server, shape);
      if (!measured) continue;
      const { sent, statements } = measured;
      if (sent.status !== 200 || sent.json.errors || !sent.json.data) {
        problems.push(`${shape.name} on ${server}: HTTP ${sent.status} ${JSON.stringify(sent.json.errors ?? sent.body).slice(0, 500)}`);
        continue;
      }
      const normalise = shape.normalise[server];
      if (!normalise) continue;
      const normalised = normalise(sent.json.data as never);
      normal.set(server, normalised);
      byServer.set(server, { statements, bytes: Buffer.byteLength(sent.body), body: sent.body, items: countItems(normalised), aloneMs: await latencyAlone(server, shape) });
    }
    const reference = normal.get('lekgotla');
    for (const server of ['postgraphile', 'floor', 'joinmonster'] as const) {
      if (!normal.has(server) || reference === undefined) continue;
      const difference = firstDifference(reference, normal.get(server));
      if (difference) problems.push(`${shape.name}: lekgotla and ${server} disagree at ${difference}`);
    }
    checks.set(shape.name, byServer);
    const sizes = [...byServer].map(([server, check]) => `${server} ${check.statements ?? '?'} stmt/${(check.bytes / 1024).toFixed(1)} KiB`).join(', ');
    log(`checked ${shape.name}: ${countItems(reference) ?? '?'} items; ${sizes}`);
  }
  if (problems.length > 0) {
    const message = `the servers do not agree:\n  ${problems.join('\n  ')}`;
    if (!args['allow-mismatch']) throw new Error(message);
    log(`WARNING (--allow-mismatch): ${message}`);
  }
  return checks;
}

/** Leaves of the normal form that are objects in lists: a rough "result size". */
function countItems(value: unknown): number | null {
  if (value === undefined) return null;
  let count = 0;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      count += node.length;
      node.forEach(walk);
    } else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return count;
}

// ---------------------------------------------------------------- load

/**
 * Waits until no other statement runs in the benchmark database: a run that
 * ends with slow statements in flight (autocannon stops waiting, PostgreSQL
 * does not) must not slow down the next one.
 */
async function waitForQuiet(databaseUrl: string, limitMs = 120_000): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ busy: number }>(
        "select count(*)::int as busy from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()",
      );
      if (rows[0]!.busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    log(`WARNING: statements still running in the database after ${limitMs / 1000} s`);
  } finally {
    await client.end();
  }
}

// Above this 1-minute load average per core, other work would skew the figures.
const BUSY_LOAD_PER_CORE = 0.5;
const CLOCK_TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (which may itself hold spaces); null once the process is gone. */
function statOf(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const ticksToMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;

/** CPU time (user + system, ms) a process has used; null once it is gone. */
function cpuMsOf(pid: number): number | null {
  const fields = statOf(pid);
  return fields ? ticksToMs(Number(fields[11]) + Number(fields[12])) : null;
}

/**
 * CPU time (ms) used so far by the PostgreSQL server whose postmaster is
 * `postmaster`: its own, that of its live backends, and that of the backends
 * that have ended (which the kernel adds to the postmaster's children's time).
 */
function postgresCpuMs(postmaster: number): number {
  const own = statOf(postmaster);
  if (!own) return 0;
  let total = ticksToMs(Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statOf(Number(entry));
    if (fields && Number(fields[1]) === postmaster) total += ticksToMs(Number(fields[11]) + Number(fields[12]));
  }
  return total;
}

/** The postmaster of the database server, from the postmaster.pid in its data directory; null when it cannot be read. */
async function postmasterOf(client: pg.Client): Promise<number | null> {
  try {
    const { rows } = await client.query<{ dir: string }>("select current_setting('data_directory') as dir");
    return Number(readFileSync(path.join(rows[0]!.dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

/** What the machine did during a run: its load, and the cores the server and PostgreSQL kept busy. */
function machineDuring<T>(pid: number, postmaster: number | null, work: () => Promise<T>): Promise<{ result: T; load1: number; serverCores: number | null; postgresCores: number | null }> {
  const postgres = () => (postmaster === null ? null : postgresCpuMs(postmaster));
  const started = { at: performance.now(), server: cpuMsOf(pid), postgres: postgres() };
  return work().then((result) => {
    const wallMs = performance.now() - started.at;
    const server = cpuMsOf(pid);
    return {
      result,
      load1: os.loadavg()[0]!,
      serverCores: server === null || started.server === null ? null : (server - started.server) / wallMs,
      postgresCores: started.postgres === null ? null : (postgres()! - started.postgres) / wallMs,
    };
  });
}

/** Refuses to measure on a busy machine unless --force; returns the warning to print in the report, if forced. */
function checkMachineIsQuiet(): string | null {
  const [load1] = os.loadavg();
  const cores = os.availableParallelism();
  if (load1! <= BUSY_LOAD_PER_CORE * cores) return null;
  const message = `the machine is busy: 1-minute load average ${load1!.toFixed(2)} on ${cores} cores (above ${BUSY_LOAD_PER_CORE} per core)`;
  if (!args.force) throw new Error(`${message}; run again when it is quiet, or pass --force to measure anyway`);
  log(`WARNING: ${message}; measuring anyway (--force), ratios within this run only`);
  return `WARNING: measured on a busy machine (--force): ${message} at the start`;
}

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The end of a Lekgotla answer that reports its statements: `,"extensions":{"sqlStatements":N}}`. */
const STATEMENTS_TAIL = /,"extensions":\{"sqlStatements":(\d+)\}\}\s*$/;

/**
 * Compares answers under load with the checked one: byte for byte, except
 * Lekgotla's statement count, which is reported apart: DataLoader batches
 * form per tick, so the same query may take a statement more or less.
 */
function answerCheck(expected: string) {
  const tail = STATEMENTS_TAIL.exec(expected);
  const expectedData = tail ? expected.slice(0, tail.index) : expected;
  // Running figures rather than a list of counts: a soak sees millions of answers.
  const counts = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, sum: 0, answers: 0 };
  let mismatches = 0;
  let firstMismatch: string | null = null;
  return {
    verify(raw: unknown): boolean {
      const body = String(raw ?? '');
      const match = STATEMENTS_TAIL.exec(body);
      if (match) {
        const count = Number(match[1]);
        counts.min = Math.min(counts.min, count);
        counts.max = Math.max(counts.max, count);
        counts.sum += count;
        counts.answers += 1;
      }
      const same = (match ? body.slice(0, match.index) : body) === expectedData;
      if (!same) {
        mismatches += 1;
        firstMismatch ??= body;
      }
      return same;
    },
    mismatches: () => mismatches,
    statements: () => (counts.answers === 0 ? null : { min: counts.min, max: counts.max, mean: counts.sum / counts.answers }),
    /** Logs where the first mismatched answer departs from the checked one, if any did. */
    reportMismatch(label: string): void {
      if (firstMismatch === null) return;
      let at = 0;
      while (at < expected.length && firstMismatch[at] === expected[at]) at += 1;
      log(`${label}: an answer under load differs from the checked one at character ${at}: …${firstMismatch.slice(Math.max(0, at - 120), at + 200)}…`);
    },
  };
}

type Run = {
  round: number;
  /** Latency of a request sent on its own (median of three), before the load. */
  aloneMs: number | null;
  shape: string;
  server: ServerName;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statements: number | null;
  /** Lekgotla only: the statement counts its answers reported under load. */
  statementsUnderLoad: { min: number; max: number; mean: number } | null;
  peakRssMb: number | null;
  /** 1-minute load average at the end of the run. */
  load1: number;
  /** Cores the server and PostgreSQL kept busy, on average over the run. */
  serverCores: number | null;
  postgresCores: number | null;
  /** Across rounds: the lowest and highest req/s. */
  spread: { min: number; max: number } | null;
  requests: number;
  errors: number;
  non2xx: number;
  mismatches: number;
};

async function drive(server: Server, shape: Shape, expected: string, seconds: number, connections: number, sampleRss: boolean) {
  const target = requestFor(server.name, shape)!;
  const answers = answerCheck(expected);
  let peak = 0;
  const sampler = sampleRss
    ? setInterval(() => {
        const rss = rssOf(server.child.pid!, 'VmRSS');
        if (rss !== null) peak = Math.max(peak, rss);
      }, 100)
    : undefined;
  try {
    const result = await autocannon({
      url: target.url,
      method: 'POST',
      headers: JSON_HEADERS,
      body: target.body,
      connections,
      duration: seconds,
      verifyBody: answers.verify,
      timeout: 30,
    });
    answers.reportMismatch(`${server.name}/${shape.name}`);
    return { result, peak, statements: answers.statements() };
  } finally {
    if (sampler) clearInterval(sampler);
  }
}

type Soak = RssTrend & {
  startedAt: Date;
  seconds: number;
  connections: number;
  shapes: string[];
  requests: number;
  requestsPerSecond: number;
  /** Null when no answer completed. */
  p99: number | null;
  errors: number;
  /**
   * The errors by code (timeouts as "timeout") and when the first came: a
   * flood of ECONNREFUSED late in the run, requests still answered, is the
   * server closing its listener on a SIGTERM from outside (the machine is
   * shared), not overload.
   */
  errorKinds: Record<string, number>;
  firstErrorSeconds: number | null;
  non2xx: number;
  mismatches: number;
  readyRssMb: number | null;
  hwmMb: number | null;
  samples: RssSample[];
};

const SOAK_SAMPLE_MS = 5_000;

/**
 * A fresh Lekgotla alone, driven for `seconds` with each connection cycling
 * through the checked Lekgotla requests, its VmRSS read every 5 s: a leak
 * shows as RSS still rising once the first minute's growth has settled.
 */
async function soak(databaseUrl: string, loads: Array<{ shape: Shape; expected: string }>, seconds: number, connections: number): Promise<Soak> {
  const server = startServer('lekgotla', databaseUrl);
  try {
    await waitUntilReady(server);
    const pid = server.child.pid!;
    const readyRssMb = rssOf(pid, 'VmRSS');
    const checked = loads.map(({ shape, expected }) => ({ shape, target: requestFor('lekgotla', shape)!, answers: answerCheck(expected) }));
    await waitForQuiet(databaseUrl);
    log(`soaking lekgotla (pid ${pid}, alone) for ${seconds} s at ${connections} connections, cycling ${checked.map(({ shape }) => shape.name).join(', ')}`);
    const startedAt = new Date();
    const samples: RssSample[] = [];
    const sample = () => {
      const rssMb = rssOf(pid, 'VmRSS');
      if (rssMb === null) return;
      const at = (Date.now() - startedAt.getTime()) / 1000;
      // A line a minute, so a long soak shows it is alive and where RSS is heading.
      if (Math.floor(at / 60) > Math.floor((samples.at(-1)?.seconds ?? 0) / 60)) log(`soak: ${at.toFixed(0)} s, RSS ${rssMb.toFixed(0)} MB`);
      samples.push({ seconds: at, rssMb });
    };
    const sampler = setInterval(sample, SOAK_SAMPLE_MS);
    const errorKinds: Record<string, number> = {};
    let firstErrorSeconds: number | null = null;
    try {
      const load: autocannon.Options = {
        url: server.url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: checked.map(({ target, answers }) => ({
          method: 'POST',
          path: new URL(target.url).pathname,
          headers: JSON_HEADERS,
          body: target.body,
          // Per request: verifyBody sees only the body, not which request it answers.
          onResponse: (_status, body) => {
            answers.verify(body);
          },
        })),
      };
      // The callback form: only its instance is typed as the emitter that reports each error.
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(load, (error, done) => (error ? reject(error) : resolve(done)));
        instance.on('reqError', (error: Error & { code?: string }) => {
          const kind = error.code ?? (error.message === 'request timed out' ? 'timeout' : error.message);
          errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
          firstErrorSeconds ??= (Date.now() - startedAt.getTime()) / 1000;
        });
      });
      sample(); // the end of the load, before the server stops
      const hwmMb = rssOf(pid, 'VmHWM');
      for (const { shape, answers } of checked) answers.reportMismatch(`lekgotla/${shape.name} (soak)`);
      return {
        startedAt,
        seconds,
        connections,
        shapes: checked.map(({ shape }) => shape.name),
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / result.duration,
        p99: result.requests.total > 0 ? result.latency.p99 : null,
        errors: result.errors,
        errorKinds,
        firstErrorSeconds,
        non2xx: result.non2xx,
        mismatches: checked.reduce((sum, { answers }) => sum + answers.mismatches(), 0),
        readyRssMb,
        hwmMb,
        samples,
        ...rssTrend(samples, seconds),
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await stopServer(server);
  }
}

// ---------------------------------------------------------------- report

const fixed = (value: number | null | undefined, digits = 0) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
/** With its sign, so growth and shrinkage read apart. */
const signed = (value: number | null, digits = 2) => (value === null || !Number.isFinite(value) ? '—' : `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`);
/** A latency, or "> run" when no answer completed within the run. */
const latency = (value: number | null | undefined) => (value === Number.POSITIVE_INFINITY ? `> ${(options.duration * 1000).toFixed(0)}` : fixed(value, 1));
/** Lekgotla's throughput over another's, or null when it cannot be told (the other answered nothing). */
const ratioOf = (lekgotla: Run | undefined, other: Run | undefined) =>
  lekgotla && other && other.requestsPerSecond > 0 ? lekgotla.requestsPerSecond / other.requestsPerSecond : null;

/** The soak's figures, for the log and the report. */
function soakLines(soak: Soak): string[] {
  const trouble = soak.errors + soak.non2xx + soak.mismatches;
  return [
    `soak: a fresh Lekgotla alone, ${soak.seconds} s at ${soak.connections} connections, each cycling ${soak.shapes.join(', ')}: ` +
      `${soak.requests} requests, ${fixed(soak.requestsPerSecond, 1)} req/s, p99 ${fixed(soak.p99, 1)} ms; ` +
      (trouble
        ? `!! ${soak.errors} connection errors or timeouts (${Object.entries(soak.errorKinds).map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none'}` +
          `${soak.firstErrorSeconds === null ? '' : `; the first at ${soak.firstErrorSeconds.toFixed(0)} s`}), ` +
          `${soak.non2xx} non-2xx, ${soak.mismatches} mismatched`
        : 'every answer matched the checked one (apart from its statement count)'),
    `soak RSS: ${fixed(soak.readyRssMb)} MB when ready, ${fixed(soak.rssAfterWarmUpMb)} MB after the ${fixed(soak.warmUpSeconds)} s warm-up, ` +
      `${fixed(soak.rssAtEndMb)} MB at the end, max ${fixed(soak.maxRssMb)} MB, VmHWM ${fixed(soak.hwmMb)} MB; ` +
      `slope ${signed(soak.slopeAfterWarmUpMbPerMin)} MB/min after the warm-up, ${signed(soak.slopeSecondHalfMbPerMin)} MB/min over the second half ` +
      `(${soak.samples.length} readings, every ${SOAK_SAMPLE_MS / 1000} s)`,
  ];
}

function table(rows: string[][], header: string[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((width, column) => (column < 2 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc: os.availableParallelism(), memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), cpu: model, node: process.version, platform: `${os.type()} ${os.release()}` };
}

// ---------------------------------------------------------------- scale-out

/** CPU time (ms) the whole machine spent busy (all cores, everything but idle and I/O wait), from /proc/stat. */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  // user, nice, system, (idle, iowait,) irq, softirq, steal
  return ticksToMs([0, 1, 2, 5, 6, 7].reduce((sum, field) => sum + (ticks[field] ?? 0), 0));
}

/**
 * The PostgreSQL backends serving the benchmark database and the CPU (ms)
 * each has used so far: theirs alone, where the postmaster's total
 * (postgresCpuMs) would count every database on a shared server. Empty when
 * PostgreSQL runs where /proc cannot see it.
 */
async function backendCpuMs(databaseUrl: string): Promise<Map<number, number>> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    const used = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = cpuMsOf(pid);
      if (ms !== null) used.set(pid, ms);
    }
    return used;
  } finally {
    await client.end();
  }
}

/** CPU (ms) the backends used between two readings; a backend that started in between counts whole. */
function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, used] of after) ms += used - (before.get(pid) ?? 0);
  return ms;
}

type ScaleRun = {
  round: number;
  shape: string;
  instances: number;
  requestsPerSecond: number;
  /** Each instance's autocannon measures its own latencies; the highest of their percentiles bounds the whole's from above. */
  p50: number;
  p99: number;
  /** Node CPU of all instances over the run, per answered request. */
  cpuMsPerRequest: number | null;
  /** CPU of the PostgreSQL backends serving the benchmark database, per answered request (null when not visible). */
  postgresMsPerRequest: number | null;
  /** Cores' worth of CPU the rest of the machine used during the run: neither the instances, nor their backends, nor the harness. */
  otherCores: number;
  /** One-minute load average just before and just after the run. */
  loadBefore: number;
  loadAfter: number;
  requests: number;
  errors: number;
  non2xx: number;
  mismatches: number;
};

/** Connections for each of `count` instances, `total` spread as evenly as whole numbers allow. */
const spread = (total: number, count: number) => Array.from({ length: count }, (_, index) => Math.floor(total / count) + (index < total % count ? 1 : 0));

/**
 * Drives `servers` at once with one autocannon each, the connections spread
 * evenly (as a round-robin balancer with kept-alive connections spreads
 * them), every answer checked against `expected`.
 */
async function driveAll(servers: Server[], shape: Shape, expected: string, seconds: number) {
  const body = JSON.stringify(shape.lekgotla);
  const answers = answerCheck(expected);
  const shares = spread(options.connections, servers.length);
  const results = await Promise.all(
    servers.map((server, index) =>
      autocannon({ url: `${server.url}/graphql`, method: 'POST', headers: JSON_HEADERS, body, connections: shares[index]!, duration: seconds, verifyBody: answers.verify, timeout: 30 }),
    ),
  );
  answers.reportMismatch(`${servers.length} instances/${shape.name}`);
  return results;
}

/**
 * Scaling out on this machine: N instances on one database, each shape
 * driven through one of them and through all N in turn (the order swapped
 * every round, so background load drifts evenly), with the load average
 * recorded around every run. Only ratios from one run compare: the machine
 * is shared.
 */
async function scaleOut(database: { url: string; corpus: string }, shapes: Shape[], postgresVersion: string, startedAt: Date, busyWarning: string | null): Promise<void> {
  const many = options.instances;
  const servers: Server[] = [];
  const runs: ScaleRun[] = [];
  try {
    for (let index = 0; index < many; index += 1) servers.push(startServer('lekgotla', database.url, [], await freePort()));
    await Promise.all(servers.map(waitUntilReady));
    log(`${many} instances ready: ${servers.map((server) => `pid ${server.child.pid} at ${server.url}`).join('; ')}`);
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const shape of shapes) {
        const checked = await send({ url: `${servers[0]!.url}/graphql`, body: JSON.stringify(shape.lekgotla) });
        if (checked.status !== 200 || checked.json.errors || !checked.json.data) {
          throw new Error(`${shape.name}: HTTP ${checked.status} ${JSON.stringify(checked.json.errors ?? checked.body).slice(0, 500)}`);
        }
        const counts = round % 2 === 1 ? [1, many] : [many, 1];
        for (const count of counts) {
          const driven = servers.slice(0, count);
          await waitForQuiet(database.url);
          if (options.warmup > 0) await driveAll(driven, shape, checked.body, options.warmup);
          await waitForQuiet(database.url);
          const loadBefore = os.loadavg()[0]!;
          const backendsBefore = await backendCpuMs(database.url);
          const nodeBefore = driven.map((server) => cpuMsOf(server.child.pid!) ?? 0);
          const harnessBefore = process.cpuUsage();
          const busyBefore = machineBusyMs();
          const wallBefore = performance.now();
          const results = await driveAll(driven, shape, checked.body, options.duration);
          const busy = machineBusyMs() - busyBefore;
          const wall = performance.now() - wallBefore;
          const harnessUsage = process.cpuUsage(harnessBefore);
          const node = driven.reduce((sum, server, index) => sum + (cpuMsOf(server.child.pid!) ?? 0) - nodeBefore[index]!, 0);
          const backends = backendCpuBetween(backendsBefore, await backendCpuMs(database.url));
          const loadAfter = os.loadavg()[0]!;
          const requests = results.reduce((sum, result) => sum + result.requests.total, 0);
          const harness = (harnessUsage.user + harnessUsage.system) / 1000;
          const run: ScaleRun = {
            round,
            shape: shape.name,
            instances: count,
            requestsPerSecond: requests / Math.max(...results.map((result) => result.duration)),
            p50: requests > 0 ? Math.max(...results.map((result) => result.latency.p50)) : Number.POSITIVE_INFINITY,
            p99: requests > 0 ? Math.max(...results.map((result) => result.latency.p99)) : Number.POSITIVE_INFINITY,
            cpuMsPerRequest: requests > 0 ? node / requests : null,
            postgresMsPerRequest: requests > 0 && backendsBefore.size > 0 ? backends / requests : null,
            otherCores: Math.max(0, busy - node - backends - harness) / wall,
            loadBefore,
            loadAfter,
            requests,
            errors: results.reduce((sum, result) => sum + result.errors, 0),
            non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
            mismatches: results.reduce((sum, result) => sum + result.mismatches, 0),
          };
          runs.push(run);
          const trouble = run.errors + run.non2xx + run.mismatches;
          log(`${options.rounds > 1 ? `round ${round} ` : ''}${shape.name.padEnd(10)} ${String(count).padStart(2)} instance${count > 1 ? 's' : ' '} ` +
            `${fixed(run.requestsPerSecond, 1).padStart(8)} req/s  p50 ${latency(run.p50)} ms  p99 ${latency(run.p99)} ms  ` +
            `CPU ms/req: Node ${fixed(run.cpuMsPerRequest, 1)}, PostgreSQL ${fixed(run.postgresMsPerRequest, 1)}  ` +
            `others ${run.otherCores.toFixed(2)} cores  load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}` +
            (trouble ? `  !! ${run.errors} errors, ${run.non2xx} non-2xx, ${run.mismatches} mismatched bodies` : ''));
        }
      }
    }
  } finally {
    await Promise.all(servers.map(stopServer));
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const rows: string[][] = [];
  for (const shape of shapes) {
    const of = (count: number) => runs.filter((run) => run.shape === shape.name && run.instances === count);
    // Each round's own ratio: only runs minutes apart on this shared machine compare.
    const ratios = of(many).map((run) => run.requestsPerSecond / (of(1).find((one) => one.round === run.round)?.requestsPerSecond ?? Number.NaN));
    for (const count of [1, many]) {
      const mine = of(count);
      if (mine.length === 0) continue;
      rows.push([
        count === 1 ? shape.title : '',
        String(count),
        fixed(median(mine.map((run) => run.requestsPerSecond)), 1),
        latency(median(mine.map((run) => run.p50))),
        latency(median(mine.map((run) => run.p99))),
        fixed(median(mine.map((run) => run.cpuMsPerRequest ?? Number.NaN)), 1),
        fixed(median(mine.map((run) => run.postgresMsPerRequest ?? Number.NaN)), 1),
        mine.map((run) => run.otherCores.toFixed(2)).join(', '),
        mine.map((run) => `${run.loadBefore.toFixed(1)}→${run.loadAfter.toFixed(1)}`).join(', '),
        count === 1 ? '' : ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', '),
      ]);
    }
  }
  const m = machine();
  const troubles = runs.filter((run) => run.errors + run.non2xx + run.mismatches > 0);
  const report = [
    `Lekgotla scale-out benchmark — ${startedAt.toISOString()}`,
    ...(busyWarning ? [busyWarning] : []),
    `machine: ${m.nproc} cores, ${m.memoryGiB} GiB, ${m.cpu}; Node ${m.node}; PostgreSQL ${postgresVersion}, shared by every instance`,
    `corpus: ${database.corpus}`,
    `load: autocannon, ${options.connections} connections spread evenly over the instances driven, ${options.duration} s per run after ${options.warmup} s warm-up, ` +
      `response cache off, 1 and ${many} instances in turn per shape${options.rounds > 1 ? `, ${options.rounds} rounds (medians; the ratio of each round)` : ''}`,
    '',
    table(rows, ['shape', 'instances', 'req/s', 'p50 ms', 'p99 ms', 'Node CPU ms/req', 'PostgreSQL CPU ms/req', 'others (cores)', 'load avg before→after', `${many} ÷ 1`]),
    '',
    `p50 and p99 with several instances: the highest of the instances' own (an upper bound of the whole's).`,
    `others: cores' worth of CPU the rest of the machine used during each run (busy time in /proc/stat less the instances, their backends and the harness).`,
    `load avg: the one-minute load average before and after each run; it counts the benchmark's own runnable processes too.`,
    troubles.length
      ? `!! runs with errors or mismatched answers: ${troubles.map((run) => `${run.shape}/${run.instances} (${run.errors} errors, ${run.non2xx} non-2xx, ${run.mismatches} mismatched)`).join(', ')}`
      : 'every response under load matched the checked answer (apart from its statement count)',
  ].join('\n');
  process.stdout.write(`\n${report}\n`);
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join(args.out, `instances-${stamp}.json`), JSON.stringify({ startedAt, machine: m, postgresVersion, options, corpus: database.corpus, runs }, null, 2));
  writeFileSync(path.join(args.out, `instances-${stamp}.md`), `${report}\n`);
  log(`results written to ${path.relative(repoRoot, path.join(args.out, `instances-${stamp}.{json,md}`))}`);
}

// ---------------------------------------------------------------- main

async function main() {
  const startedAt = new Date();
  const startLoad = os.loadavg();
  const busyWarning = checkMachineIsQuiet();
  mkdirSync(args.out, { recursive: true });
  for (const [index, name] of SERVERS.entries()) {
    options.ports[name] = args['port-base'] ? Number(args['port-base']) + index : await freePort();
  }
  buildLekgotla();
  const database = await prepareDatabase();

  const client = new pg.Client(database.url);
  await client.connect();
  let picks: Picks;
  let counts: Record<string, number>;
  let postgresVersion: string;
  let postmaster: number | null;
  let nameWordsOf: ((text: string) => string[]) | null = null;
  let searchWords: string[] = [];
  try {
    postmaster = await postmasterOf(client);
    // The bench schema gives PostGraphile and the floor Lekgotla's search and timeline SQL; scaling out drives Lekgotla alone.
    const lekgotlaSql = options.instances > 0 ? null : await captureLekgotlaSql(lekgotlaDist);
    if (lekgotlaSql) await client.query(benchSchemaSql(lekgotlaSql));
    picks = await pickParameters(client, args.search);
    if (lekgotlaSql) {
      picks.search.name = lekgotlaSql.nameWords(picks.search.query).join(' ');
      nameWordsOf = lekgotlaSql.nameWords;
      searchWords = await searchWordList(client);
    }
    counts = await corpusCounts(client);
    postgresVersion = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
  } finally {
    await client.end();
  }
  log(`corpus: ${database.corpus}; ${Object.entries(counts).map(([table, count]) => `${count} ${table}`).join(', ')}`);
  log(`picked: conference ${picks.conference.seriesSlug} ${picks.conference.year} (${picks.conference.sessions} sessions, ${picks.conference.participations} participations); ` +
    `topic ${picks.topic.slug} (${picks.topic.sessions} sessions, ${picks.topic.fromYear}–${picks.topic.toYear}); ` +
    `person #${picks.person.id} ${picks.person.displayName} (${picks.person.participations} participations); search "${picks.search.query}"; ` +
    `timeline ${picks.timeline.fromYear}–${picks.timeline.toYear}`);

  const allShapes = buildShapes(picks);
  const wanted = args.shapes ? new Set(args.shapes.split(',').map((name) => name.trim())) : null;
  const shapes = wanted ? allShapes.filter((shape) => wanted.has(shape.name)) : allShapes;
  const smallSessions = { ...sessionsVariant(picks, 10), name: 'sessions-10' };
  if (options.instances > 0) {
    await scaleOut(database, shapes, postgresVersion, startedAt, busyWarning);
    return;
  }

  const servers = new Map<ServerName, Server>();
  const runs: Run[] = [];
  const hwm = new Map<ServerName, number | null>();
  const idleRss = new Map<ServerName, number | null>();
  const searchAlone = new Map<'lekgotla' | 'floor', LatencySummary & { failures: number; load1: number }>();
  let checks: Map<string, Map<ServerName, Check>>;
  try {
    for (const name of SERVERS) servers.set(name, startServer(name, database.url));
    await Promise.all([...servers.values()].map(waitUntilReady));
    log(`servers ready: ${[...servers.values()].map((server) => `${server.name} pid ${server.child.pid} at ${server.url}`).join('; ')}`);

    for (const [name, server] of servers) idleRss.set(name, rssOf(server.child.pid!, 'VmRSS'));
    checks = await checkShapes([...shapes, smallSessions]);

    for (let round = 1; round <= options.rounds; round += 1) {
     for (const shape of shapes) {
      // Servers in turn per shape, the order rotated each round, so background load drifts evenly.
      const order = SERVERS.map((_, index) => SERVERS[(index + round - 1) % SERVERS.length]!);
      for (const name of order) {
        const check = checks.get(shape.name)?.get(name);
        if (!check) continue;
        const server = servers.get(name)!;
        await waitForQuiet(database.url);
        if (options.warmup > 0) await drive(server, shape, check.body, options.warmup, options.connections, false);
        await waitForQuiet(database.url);
        const measured = await machineDuring(server.child.pid!, postmaster, () => drive(server, shape, check.body, options.duration, options.connections, true));
        const { result, peak, statements } = measured.result;
        const run: Run = {
          round,
          shape: shape.name,
          server: name,
          requestsPerSecond: result.requests.total / result.duration,
          // No answer completed within the run: the latencies are unknown, and longer than the run.
          p50: result.requests.total > 0 ? result.latency.p50 : Number.POSITIVE_INFINITY,
          p99: result.requests.total > 0 ? result.latency.p99 : Number.POSITIVE_INFINITY,
          aloneMs: check.aloneMs,
          statements: check.statements,
          statementsUnderLoad: statements,
          peakRssMb: peak || null,
          load1: measured.load1,
          serverCores: measured.serverCores,
          postgresCores: measured.postgresCores,
          spread: null,
          requests: result.requests.total,
          errors: result.errors,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
        };
        runs.push(run);
        const trouble = run.errors + run.non2xx + run.mismatches;
        log(`${options.rounds > 1 ? `round ${round} ` : ''}${shape.name.padEnd(10)} ${name.padEnd(12)} ${fixed(run.requestsPerSecond, 1).padStart(8)} req/s  p50 ${latency(run.p50)} ms  p99 ${latency(run.p99)} ms  rss ${fixed(run.peakRssMb)} MB` +
          `  cpu ${fixed(run.serverCores, 2)}+${fixed(run.postgresCores, 2)} cores  load ${fixed(run.load1, 2)}` +
          (trouble ? `  !! ${run.errors} errors, ${run.non2xx} non-2xx, ${run.mismatches} mismatched bodies` : ''));
      }
     }
    }
    const searchShape = shapes.find((shape) => shape.name === 'search');
    if (searchShape?.lekgotla && nameWordsOf && searchWords.length > 0) {
      const words = searchWords;
      const namesOf = nameWordsOf;
      for (const name of ['lekgotla', 'floor'] as const) {
        await waitForQuiet(database.url);
        const port = options.ports[name];
        let failures = 0;
        const sendWord = async (word: string) => {
          const sent = await send(name === 'lekgotla'
            ? { url: `http://127.0.0.1:${port}/graphql`, body: JSON.stringify({ query: searchShape.lekgotla!.query, variables: { q: word } }) }
            : { url: `http://127.0.0.1:${port}/search`, body: JSON.stringify([word, namesOf(word).join(' '), 20]) });
          if (sent.status !== 200 || sent.json.errors) failures += 1;
        };
        const measured = await machineDuring(servers.get(name)!.child.pid!, postmaster, () => timeEachWord(words, 10, sendWord));
        const summary = summariseLatencies(measured.result);
        searchAlone.set(name, { ...summary, failures, load1: measured.load1 });
        log(`search alone over ${summary.queries} words on ${name}: p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms, max ${summary.max.toFixed(1)} ms` +
          `${failures ? `, ${failures} failed` : ''}, load ${measured.load1.toFixed(2)}`);
      }
    }
    for (const [name, server] of servers) hwm.set(name, rssOf(server.child.pid!, 'VmHWM'));
  } finally {
    await Promise.all([...servers.values()].map(stopServer));
  }

  // ------------------------------------------------------------ profile
  let profile: string | null = null;
  if (options.profileSeconds > 0) {
    const profileDir = path.join(args.out, `profile-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(profileDir, { recursive: true });
    const spawnedAt = Date.now();
    const server = startServer('lekgotla', database.url, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
    let skipMs = 0;
    let requests = 0;
    try {
      await waitUntilReady(server);
      skipMs = Date.now() - spawnedAt;
      for (const shape of shapes.filter((candidate) => candidate.core)) {
        const check = checks.get(shape.name)?.get('lekgotla');
        if (!check) continue;
        await waitForQuiet(database.url);
        log(`profiling lekgotla on ${shape.name} for ${options.profileSeconds} s`);
        requests += (await drive(server, shape, check.body, options.profileSeconds, options.connections, false)).result.requests.total;
      }
    } finally {
      await stopServer(server);
    }
    const file = readdirSync(profileDir).find((entry) => entry.endsWith('.cpuprofile'));
    if (file) {
      profile = summariseProfile(path.join(profileDir, file), 25, { skipMs, requests });
      writeFileSync(path.join(profileDir, 'summary.md'), profile);
      log(`profile: ${path.join(profileDir, file)}`);
    } else log('WARNING: Lekgotla wrote no CPU profile');
  }

  // ------------------------------------------------------------ soak
  let soaked: Soak | null = null;
  if (options.soakSeconds > 0) {
    const loads = shapes.flatMap((shape) => {
      const check = checks.get(shape.name)?.get('lekgotla');
      return check ? [{ shape, expected: check.body }] : [];
    });
    // Only with --allow-mismatch can every Lekgotla check have failed.
    if (loads.length === 0) log('WARNING: no checked Lekgotla answer to soak with');
    else {
      soaked = await soak(database.url, loads, options.soakSeconds, options.connections);
      for (const line of soakLines(soaked)) log(line);
    }
  }

  // ------------------------------------------------------------ report
  /** Across rounds: the median of each measure (peak RSS: the highest). */
  const find = (shape: string, server: ServerName): Run | undefined => {
    const mine = runs.filter((run) => run.shape === shape && run.server === server);
    if (mine.length <= 1) return mine[0];
    const median = (pick: (run: Run) => number) => {
      const sorted = mine.map(pick).sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    };
    const loads = mine.map((run) => run.statementsUnderLoad).filter((load) => load !== null);
    return {
      ...mine[0]!,
      round: 0,
      requestsPerSecond: median((run) => run.requestsPerSecond),
      p50: median((run) => run.p50),
      p99: median((run) => run.p99),
      peakRssMb: Math.max(...mine.map((run) => run.peakRssMb ?? 0)) || null,
      load1: median((run) => run.load1),
      serverCores: mine.some((run) => run.serverCores === null) ? null : median((run) => run.serverCores!),
      postgresCores: mine.some((run) => run.postgresCores === null) ? null : median((run) => run.postgresCores!),
      spread: { min: Math.min(...mine.map((run) => run.requestsPerSecond)), max: Math.max(...mine.map((run) => run.requestsPerSecond)) },
      statementsUnderLoad: loads.length
        ? { min: Math.min(...loads.map((load) => load.min)), max: Math.max(...loads.map((load) => load.max)), mean: loads.reduce((sum, load) => sum + load.mean, 0) / loads.length }
        : null,
      requests: mine.reduce((sum, run) => sum + run.requests, 0),
      errors: mine.reduce((sum, run) => sum + run.errors, 0),
      non2xx: mine.reduce((sum, run) => sum + run.non2xx, 0),
      mismatches: mine.reduce((sum, run) => sum + run.mismatches, 0),
    };
  };
  const statementsCell = (run: Run | undefined) => {
    if (!run) return '—';
    const load = run.statementsUnderLoad;
    if (load && load.min !== load.max) return `${load.min}–${load.max}`;
    if (load) return String(load.min);
    return run.statements === null ? '—' : String(run.statements);
  };
  const rows: string[][] = [];
  for (const shape of shapes) {
    for (const name of SERVERS) {
      const run = find(shape.name, name);
      const lekgotla = find(shape.name, 'lekgotla');
      const ratio = name !== 'lekgotla' ? ratioOf(lekgotla, run) : null;
      rows.push([
        name === 'lekgotla' ? shape.title : '',
        name,
        run ? fixed(run.requestsPerSecond, 1) : shape.postgraphile === null && name === 'postgraphile' ? 'n/a' : '—',
        run?.spread ? `${fixed(run.spread.min, 1)}–${fixed(run.spread.max, 1)}` : '—',
        latency(run?.p50),
        latency(run?.p99),
        fixed(run?.aloneMs, 1),
        statementsCell(run),
        fixed(run?.peakRssMb),
        run ? `${fixed(run.serverCores, 2)} + ${fixed(run.postgresCores, 2)}` : '—',
        run?.serverCores != null && run.requestsPerSecond > 0 ? fixed((run.serverCores * 1000) / run.requestsPerSecond, 2) : '—',
        fixed(run?.load1, 2),
        name === 'lekgotla' ? '' : ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      ]);
    }
  }
  const header = ['shape', 'server', 'req/s', 'req/s range', 'p50 ms', 'p99 ms', 'alone ms', 'SQL stmts/req', 'peak RSS MB', 'CPU cores server + PG', 'server CPU ms/req', 'load 1 min', 'Lekgotla ÷ this'];
  const mainTable = table(rows, header);

  // Targets (from the issue).
  const targets: Array<{ target: string; result: string; pass: boolean | null }> = [];
  const atScale = (wantedScale: number) =>
    database.scale === wantedScale ? '' : ` (stated at scale ${wantedScale}; this run: ${database.scale === null ? database.corpus : `scale ${database.scale}`})`;
  const atConnections = (wantedConnections: number) => (options.connections === wantedConnections ? '' : ` (stated at ${wantedConnections} connections; this run: ${options.connections})`);
  for (const shape of shapes.filter((candidate) => candidate.core)) {
    const lekgotla = find(shape.name, 'lekgotla');
    const postgraphile = find(shape.name, 'postgraphile');
    if (lekgotla && postgraphile) {
      const ratio = ratioOf(lekgotla, postgraphile);
      targets.push({
        target: `throughput ≥ 2 × PostGraphile on ${shape.title}`,
        result: ratio === null ? 'PostGraphile completed no request' : `${ratio.toFixed(2)}×`,
        pass: ratio === null ? null : ratio >= 2,
      });
    }
  }
  for (const shape of shapes) {
    const lekgotla = find(shape.name, 'lekgotla');
    const floor = find(shape.name, 'floor');
    if (lekgotla && floor) {
      const ratio = ratioOf(lekgotla, floor);
      targets.push({
        target: `throughput ≥ 0.5 × floor on ${shape.title}`,
        result: ratio === null ? 'the floor completed no request' : `${ratio.toFixed(2)}×`,
        pass: ratio === null ? null : ratio >= 0.5,
      });
    }
  }
  for (const shape of shapes) {
    const lekgotla = find(shape.name, 'lekgotla');
    const postgraphile = find(shape.name, 'postgraphile');
    if (lekgotla && postgraphile) {
      targets.push({
        target: `p99 no higher than PostGraphile's on ${shape.title}${atConnections(50)}`,
        result: `${latency(lekgotla.p99)} ms vs ${latency(postgraphile.p99)} ms`,
        pass: lekgotla.p99 <= postgraphile.p99,
      });
    }
  }
  const programme = find('programme', 'lekgotla');
  if (programme?.serverCores != null && programme.requestsPerSecond > 0) {
    const cpuMs = (programme.serverCores * 1000) / programme.requestsPerSecond;
    targets.push({ target: 'Node CPU per request on 1 conference programme ≤ 8 ms', result: `${cpuMs.toFixed(2)} ms`, pass: cpuMs <= 8 });
  }
  const alone = searchAlone.get('lekgotla');
  if (alone) {
    const floorAlone = searchAlone.get('floor');
    targets.push({
      target: `search alone p99 ≤ 50 ms over ${alone.queries} words${atScale(10)}`,
      result: `${alone.p99.toFixed(1)} ms (p50 ${alone.p50.toFixed(1)}, max ${alone.max.toFixed(1)}${floorAlone ? `; the floor's p99 ${floorAlone.p99.toFixed(1)} ms` : ''}; load ${alone.load1.toFixed(2)})` +
        (alone.failures ? `, ${alone.failures} answered with errors` : ''),
      pass: alone.failures === 0 && alone.p99 <= 50,
    });
  }
  const small = checks.get('sessions-10')?.get('lekgotla');
  const large = checks.get('sessions')?.get('lekgotla');
  if (small && large) {
    const sizes = `${small.items ?? '?'} vs ${large.items ?? '?'} items`;
    targets.push({
      target: 'SQL statements independent of result size (shape 2: first 10 vs first 100)',
      result: `${small.statements} vs ${large.statements} statements (${sizes})`,
      pass: small.statements === large.statements,
    });
  }
  const lekgotlaPeak = Math.max(hwm.get('lekgotla') ?? 0, ...runs.filter((run) => run.server === 'lekgotla').map((run) => run.peakRssMb ?? 0));
  if (lekgotlaPeak > 0) targets.push({ target: 'Lekgotla peak RSS ≤ 250 MB', result: `${lekgotlaPeak.toFixed(0)} MB (VmHWM)`, pass: lekgotlaPeak <= 250 });
  if (soaked) {
    const { rssAfterWarmUpMb: settled, rssAtEndMb: end } = soaked;
    const growth = settled && end !== null ? (end / settled - 1) * 100 : null;
    targets.push({
      target: `no RSS growth over a ${soaked.seconds}-second soak`,
      result: `${fixed(end)} MB at the end vs ${fixed(settled)} MB after the ${fixed(soaked.warmUpSeconds)} s warm-up (${signed(growth, 1)} %, at most +10 %); ` +
        `slope over the second half ${signed(soaked.slopeSecondHalfMbPerMin)} MB/min (below +2)`,
      pass: noRssGrowth(soaked),
    });
    // Apart from the main runs' line: the soak is a different load (one server, every shape, far longer).
    if (soaked.hwmMb !== null) targets.push({ target: 'Lekgotla peak RSS during soak ≤ 250 MB', result: `${soaked.hwmMb.toFixed(0)} MB (VmHWM)`, pass: soaked.hwmMb <= 250 });
  }

  const targetLines = targets.map(({ target, result, pass }) => `${pass === null ? 'n/a ' : pass ? 'PASS' : 'FAIL'}  ${target}: ${result}`);
  const statementsLines = SERVERS.map((name) => {
    const a = checks.get('sessions-10')?.get(name)?.statements;
    const b = checks.get('sessions')?.get(name)?.statements;
    return `${name}: ${a ?? '—'} (first 10) vs ${b ?? '—'} (first 100)`;
  });
  const hwmLine = SERVERS.map((name) => `${name} ${fixed(hwm.get(name))} MB (${fixed(idleRss.get(name))} MB when ready, before any query)`).join(', ');
  const troubles = runs.filter((run) => run.errors + run.non2xx + run.mismatches > 0);

  const m = machine();
  const header1 = [
    `Lekgotla benchmark — ${startedAt.toISOString()}`,
    `machine: ${m.nproc} cores, ${m.memoryGiB} GiB, ${m.cpu}; Node ${m.node}; PostgreSQL ${postgresVersion}; load average at the start ${startLoad.map((load) => load.toFixed(2)).join(' ')}`,
    ...(busyWarning ? [busyWarning] : []),
    `corpus: ${database.corpus} (${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')})`,
    ...(args['lekgotla-node-options'] ? [`Lekgotla ran with NODE_OPTIONS=${args['lekgotla-node-options']}`] : []),
    `load: autocannon, ${options.connections} connections, ${options.duration} s per run after ${options.warmup} s warm-up, servers in turn per shape` +
      `${options.rounds > 1 ? `, ${options.rounds} rounds (medians)` : ''}${quick ? ' (--quick)' : ''}`,
  ].join('\n');
  const report = [
    header1,
    '',
    mainTable,
    '',
    'SQL statements per request, shape 2 sessions: ' + statementsLines.join('; '),
    `peak RSS over the whole run (VmHWM): ${hwmLine}`,
    troubles.length
      ? `!! runs with errors or mismatched answers: ${troubles.map((run) => `${run.shape}/${run.server} (${run.errors} connection errors or timeouts, ${run.non2xx} non-2xx, ${run.mismatches} mismatched)`).join(', ')}`
      : 'every response under load matched the checked answer (Lekgotla: apart from its statement count)',
    ...(soaked ? soakLines(soaked) : []),
    '',
    'Targets:',
    ...targetLines,
  ].join('\n');
  process.stdout.write(`\n${report}\n`);
  if (profile) process.stdout.write(`\nLekgotla CPU profile (shapes 1–3, ${options.profileSeconds} s each):\n${profile}\n`);

  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const result = { startedAt, machine: { ...m, startLoad }, busyWarning, idleRss: Object.fromEntries(idleRss), postgresVersion, options: { ...options, quick, search: args.search }, corpus: database.corpus, counts, picks, runs, hwm: Object.fromEntries(hwm), soak: soaked, targets, checks: Object.fromEntries([...checks].map(([shape, byServer]) => [shape, Object.fromEntries([...byServer].map(([server, check]) => [server, { statements: check.statements, bytes: check.bytes, items: check.items }]))])) };
  writeFileSync(path.join(args.out, `bench-${stamp}.json`), JSON.stringify(result, null, 2));
  writeFileSync(path.join(args.out, `bench-${stamp}.md`), `${report}\n${profile ? `\n${profile}\n` : ''}`);
  log(`results written to ${path.relative(repoRoot, path.join(args.out, `bench-${stamp}.{json,md}`))}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    killAll('SIGTERM');
    setTimeout(() => process.exit(1), 500);
  },
);
