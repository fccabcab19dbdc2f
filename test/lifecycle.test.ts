import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from './support/compiled-cli.js';
import { freePort } from './support/free-port.js';

const root = path.resolve(import.meta.dirname, '..');

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become ready:\n${output()}`);
}

describe('the server process on its embedded PostgreSQL', () => {
  let dataDir: string;
  let child: ChildProcess;
  let output = '';
  let port: number;

  beforeAll(async () => {
    // The README's first command runs the compiled server; so does this test.
    await buildDist();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-lifecycle-'));
    // As root, PostgreSQL runs as its own user, which must be able to reach the data folder.
    await chmod(dataDir, 0o755);
    port = await freePort();
    child = spawn('sh', ['scripts/with-node.sh', 'node', 'dist/src/main.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        EMBEDDED_PG_DIR: path.join(dataDir, 'postgres'),
        EMBEDDED_PG_PORT: String(await freePort()),
      },
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, child, () => output);
  }, 300_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL in the configured data folder and serves the seed corpus', async () => {
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { sources { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { sources: { totalCount: 3 } } });
  });

  it('stops itself and its PostgreSQL cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // PostgreSQL removes its pid file only after a clean shutdown.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(output).toContain('SIGTERM received: stopping');
  });
});
