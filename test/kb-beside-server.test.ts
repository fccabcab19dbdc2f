import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstUnreachableFolder } from '../src/db/database-user.js';
import { compileCli, type CompiledCli } from './support/compiled-cli.js';
import { freePort } from './support/free-port.js';

/**
 * Editors run `kb` in a second terminal while `npm start` serves: both reach
 * the one embedded PostgreSQL of the data folder, found through its
 * postmaster.pid, and whoever is last to leave stops it.
 */

const root = path.resolve(import.meta.dirname, '..');

type Server = { child: ChildProcess; url: string; output: () => string };

/** The built server, as `npm start` runs it, on its own embedded PostgreSQL. */
async function startServer(environment: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = '';
  const child = spawn('sh', ['scripts/with-node.sh', 'node', 'dist/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), ...environment },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, url, output: () => output };
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function postmasterPid(dataDir: string): Promise<string | undefined> {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? (await readFile(file, 'utf8')).split('\n')[0] : undefined;
}

/** A fresh folder PostgreSQL's account can enter (as root that account is "postgres", not us). */
async function openFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(folder, 0o755);
  return folder;
}

let cli: CompiledCli;
beforeAll(async () => {
  cli = await compileCli();
}, 300_000);

describe('kb while the server runs on the embedded PostgreSQL', () => {
  let folder: string;
  let dataDir: string;
  let server: Server;
  let serverPostgres: string | undefined;
  let kbPort: number;

  beforeAll(async () => {
    folder = await openFolder('lekgotla-kb-beside-');
    dataDir = path.join(folder, 'postgres');
    server = await startServer({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
    expect(server.child.exitCode, server.output()).toBeNull();
    serverPostgres = await postmasterPid(dataDir);
    // Another port than the server's: kb must find the running one through its postmaster.pid, not the configuration.
    kbPort = await freePort();
  }, 180_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
  });

  const kb = (...args: string[]) => cli.run({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(kbPort) }, ...args);

  const post = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  };

  it('kb keys create makes a key that the server accepts at once', async () => {
    const created = await kb('keys', 'create', 'alice', '--role', 'EDITOR');
    expect(created.stderr).toBe('Created the EDITOR key "alice". It is shown only now: keep it safe.\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^lk_[A-Za-z0-9_-]{43}\n$/);

    const answer = await post(
      'mutation AddTopic($input: CreateTopicInput!) { createTopic(input: $input) { slug name } }',
      { input: { slug: 'batho-pele', name: 'Batho Pele' } },
      created.stdout.trim(),
    );
    expect(answer).toEqual({ data: { createTopic: { slug: 'batho-pele', name: 'Batho Pele' } } });
  });

  it('kb import is served at once, even where the server had cached the answer before', async () => {
    const edition = 'query Edition($series: String!, $year: Int!) { conference(seriesSlug: $series, year: $year) { documentation theme } }';
    const before = { data: { conference: { documentation: 'REFERENCED', theme: null } } };
    expect(await post(edition, { series: 'sms', year: 2006 })).toEqual(before);
    // Asked twice, the answer now comes from the server's response cache.
    expect(await post(edition, { series: 'sms', year: 2006 })).toEqual(before);

    const imported = await kb('import', 'test/fixtures/imports/sms-2006');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout.endsWith('Imported.\n')).toBe(true);

    expect(await post(edition, { series: 'sms', year: 2006 })).toEqual({
      data: {
        conference: {
          documentation: 'DOCUMENTED',
          theme: 'Mobilising the Senior Management Service for shared growth: The role of the SMS in AsgiSA',
        },
      },
    });
  });

  it('kb export reads the same database as the server', async () => {
    const exported = await kb('export', 'conferences.csv');
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const rows: Array<Record<string, string>> = parse(exported.stdout.replace(/^\uFEFF/, ''), { columns: true });
    const edition2006 = rows.find((row) => row.series === 'sms' && row.year === '2006');
    expect(edition2006).toMatchObject({
      title: 'Senior Management Service Conference 2006',
      theme: 'Mobilising the Senior Management Service for shared growth: The role of the SMS in AsgiSA',
      documentation: 'DOCUMENTED',
    });
  });

  it("leaves the server's PostgreSQL running: the same process, still answering", async () => {
    expect(serverPostgres).toMatch(/^\d+$/);
    expect(await postmasterPid(dataDir)).toBe(serverPostgres);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('Ctrl+C stops the server with one line and no warning, and its PostgreSQL with it', async () => {
    const linesBefore = server.output().split('\n').length;
    server.child.kill('SIGINT');
    expect(await exitOf(server.child)).toBe(0);
    expect(server.output().split('\n').slice(linesBefore - 1)).toEqual(['[lekgotla] info: SIGINT received: stopping', '']);
    expect(server.output()).not.toContain('warn');
    expect(await postmasterPid(dataDir)).toBeUndefined();
  });
});

describe('kb where no server runs', () => {
  let folder: string;
  let dataDir: string;
  let first: Awaited<ReturnType<CompiledCli['run']>>;

  beforeAll(async () => {
    folder = await openFolder('lekgotla-kb-alone-');
    dataDir = path.join(folder, 'postgres');
    first = await cli.run({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) }, 'keys', 'list');
  }, 180_000);

  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('sets the data folder up with one line on the terminal, naming the log file', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr.split('\n')[0]).toBe(
      `[lekgotla] info: setting up the embedded PostgreSQL in ${dataDir} (first start only; its output goes to ${dataDir}.log)`,
    );
    expect(first.stderr).not.toContain('pg_ctl');
    expect(first.stderr).not.toContain('initdb');
  });

  it("keeps the database's own output in the log file: initdb's text, the start and the stop", async () => {
    const log = await readFile(`${dataDir}.log`, 'utf8');
    expect(log).toContain('Success. You can now start the database server using:');
    expect(log).toContain('database system is ready to accept connections');
    expect(log).toContain('database system is shut down');
  });

  it('stops the PostgreSQL it started', async () => {
    expect(await postmasterPid(dataDir)).toBeUndefined();
  });

  it('says nothing about the database the second time', async () => {
    const second = await cli.run({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) }, 'keys', 'list');
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await postmasterPid(dataDir)).toBeUndefined();
  });
});

describe('a server and kb started at the same moment on a new data folder', () => {
  let folder: string;
  let dataDir: string;
  let server: Server;
  let kbRun: Awaited<ReturnType<CompiledCli['run']>>;

  beforeAll(async () => {
    folder = await openFolder('lekgotla-together-');
    dataDir = path.join(folder, 'postgres');
    const environment = { EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    [server, kbRun] = await Promise.all([startServer(environment), cli.run(environment, 'keys', 'create', 'early-bird', '--role', 'EDITOR')]);
  }, 180_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
  });

  it('take turns: one sets the folder up, both then use the one PostgreSQL', async () => {
    expect(server.child.exitCode, server.output()).toBeNull();
    expect(kbRun.code, kbRun.stderr).toBe(0);
    const setUp = `setting up the embedded PostgreSQL in ${dataDir}`;
    expect([server.output(), kbRun.stderr].filter((output) => output.includes(setUp))).toHaveLength(1);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kbRun.stdout.trim()}` },
      body: JSON.stringify({ query: 'mutation AddTopic($input: CreateTopicInput!) { createTopic(input: $input) { slug } }', variables: { input: { slug: 'early-bird', name: 'Early bird' } } }),
    });
    expect(await response.json()).toEqual({ data: { createTopic: { slug: 'early-bird' } } });
  });

  it('the server, last to leave, stops it', async () => {
    server.child.kill('SIGTERM');
    expect(await exitOf(server.child)).toBe(0);
    expect(await postmasterPid(dataDir)).toBeUndefined();
    expect(existsSync(`${dataDir}.starting`)).toBe(false);
  });
});

describe("a data folder PostgreSQL's account cannot enter", () => {
  let folder: string;
  let locked: string;
  // As root (CI and the project's machines), PostgreSQL runs as "postgres"; otherwise as us.
  const sentence = (folder: string) =>
    `${
      process.getuid?.() === 0
        ? 'the embedded PostgreSQL runs as the user "postgres" when Lekgotla runs as root, and that user cannot enter'
        : `the embedded PostgreSQL runs as the user "${os.userInfo().username}", who cannot enter`
    } ${folder} (mode 000), on the way to its data folder ${folder}/postgres: set EMBEDDED_PG_DIR to a folder that user can enter (such as /var/lib/lekgotla/postgres), or set DATABASE_URL to use another PostgreSQL.`;

  beforeAll(async () => {
    folder = await openFolder('lekgotla-locked-');
    locked = path.join(folder, 'locked');
    await mkdir(locked, { mode: 0o000 });
  });

  afterAll(async () => {
    await chmod(locked, 0o755);
    await rm(folder, { recursive: true, force: true });
  });

  it('kb says why in one sentence, and what to do', async () => {
    const result = await cli.run({ EMBEDDED_PG_DIR: path.join(locked, 'postgres'), EMBEDDED_PG_PORT: String(await freePort()) }, 'keys', 'list');
    expect(result).toEqual({ code: 1, stdout: '', stderr: `error: ${sentence(locked)}\n` });
  });

  it('the server says the same when it starts', async () => {
    const server = await startServer({ EMBEDDED_PG_DIR: path.join(locked, 'postgres'), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await exitOf(server.child)).toBe(1);
    expect(server.output()).toBe(`[lekgotla] error: could not start: ${sentence(locked)}\n`);
  }, 60_000);

  it('the check goes by the folder modes for an account other than ours', async () => {
    const stranger = { name: 'stranger', asRoot: true, uid: 4242, gid: 4242 };
    const private700 = await openFolder('lekgotla-modes-');
    try {
      await chmod(private700, 0o700);
      expect(await firstUnreachableFolder(path.join(private700, 'postgres'), stranger)).toEqual({ folder: private700, mode: '700' });
      await chmod(private700, 0o711);
      expect(await firstUnreachableFolder(path.join(private700, 'postgres'), stranger)).toBeUndefined();
      await chmod(private700, 0o700);
      expect(await firstUnreachableFolder(path.join(private700, 'postgres'), { ...stranger, uid: process.getuid!() })).toBeUndefined();
    } finally {
      await rm(private700, { recursive: true, force: true });
    }
  });
});
