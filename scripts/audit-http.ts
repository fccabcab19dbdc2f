/**
 * The GraphQL over HTTP audit of graphql-http against Lekgotla: every MUST,
 * SHOULD and MAY of the specification, one line each; exits 1 when a MUST
 * is broken.
 *
 *   npm run audit:http                 builds and starts a server of its own (embedded PostgreSQL,
 *                                      or DATABASE_URL when set), audits it, stops it
 *   npm run audit:http -- --url URL    audits a running server's endpoint, e.g. http://127.0.0.1:4000/graphql
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { auditServer } from 'graphql-http';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { url: { type: 'string' } } });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Builds into a folder of its own (named dist, where the server looks for its compiled migrations) and starts the server. */
async function startServer(folder: string): Promise<{ url: string; child: ChildProcess }> {
  const dist = path.join(folder, 'dist');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: root, stdio: 'inherit' });
  symlinkSync(path.join(root, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  // The compiled insights and review page routers read their browser scripts beside the build's parent.
  mkdirSync(path.join(folder, 'src', 'insights'), { recursive: true });
  symlinkSync(path.join(root, 'src', 'insights', 'browser'), path.join(folder, 'src', 'insights', 'browser'), 'dir');
  mkdirSync(path.join(folder, 'src', 'curate-page'), { recursive: true });
  symlinkSync(path.join(root, 'src', 'curate-page', 'curate.js'), path.join(folder, 'src', 'curate-page', 'curate.js'));
  // As root, PostgreSQL runs as its own user, which must be able to reach its data folder.
  chmodSync(folder, 0o755);
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(dist, 'src', 'main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      EMBEDDED_PG_DIR: path.join(folder, 'postgres'),
      EMBEDDED_PG_PORT: String(await freePort()),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url: `${url}/graphql`, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not start within 120 s');
}

async function main(): Promise<number> {
  const folder = args.url ? undefined : mkdtempSync(path.join(os.tmpdir(), 'lekgotla-audit-'));
  const server = folder ? await startServer(folder) : undefined;
  try {
    const url = args.url ?? server!.url;
    const results = await auditServer({ url });
    const levels = ['MUST', 'SHOULD', 'MAY'] as const;
    for (const level of levels) {
      const ofLevel = results.filter((result) => result.name.startsWith(`${level} `));
      const passed = ofLevel.filter((result) => result.status === 'ok').length;
      process.stdout.write(`\n${level}: ${passed} of ${ofLevel.length} pass\n`);
      for (const result of ofLevel) {
        const mark = result.status === 'ok' ? 'ok   ' : result.status.padEnd(5);
        process.stdout.write(`  ${mark} ${result.name}${result.status === 'ok' ? '' : ` (${result.reason})`}\n`);
      }
    }
    const broken = results.filter((result) => result.name.startsWith('MUST ') && result.status !== 'ok').length;
    process.stdout.write(`\n${broken === 0 ? 'no MUST is broken' : `${broken} MUST broken`} (${url})\n`);
    return broken === 0 ? 0 : 1;
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:http failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
