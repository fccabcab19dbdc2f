import { readFile, chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import { freePort } from './free-port.js';

export type OwnPostgres = {
  /** The `lekgotla` database on this server. */
  url: string;
  /** Starts the server again on its folder and port, and waits until it accepts connections. */
  start: () => Promise<void>;
  /**
   * An immediate shutdown (SIGQUIT to the postmaster): every connection is cut
   * without a checkpoint and the next start recovers from the log, as after a crash.
   */
  kill: () => Promise<void>;
  /** Stops the server and removes its folder. */
  remove: () => Promise<void>;
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL of the test's own, from the embedded binaries, in a temporary
 * folder on a free port: the shared test server is never taken down.
 */
export async function ownPostgres(): Promise<OwnPostgres> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-own-pg-'));
  // As root, PostgreSQL runs as its own user, which must be able to reach the data folder.
  await chmod(folder, 0o755);
  const dataDir = path.join(folder, 'data');
  const port = await freePort();
  let running: EmbeddedDatabase | undefined = await startEmbeddedPostgres({ dataDir, port });
  const own: OwnPostgres = {
    url: running.url,
    start: async () => {
      running = await startEmbeddedPostgres({ dataDir, port });
    },
    kill: async () => {
      const postmaster = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(postmaster, 'SIGQUIT');
      const deadline = Date.now() + 20_000;
      while (alive(postmaster)) {
        if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${postmaster}) did not stop within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      running = undefined;
    },
    remove: async () => {
      await running?.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  return own;
}
