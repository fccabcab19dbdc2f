import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What PostgreSQL's postmaster.pid says about the server running on a data folder. */
export type Postmaster = { pid: number; port: number; status: 'starting' | 'ready' | 'stopping' | 'standby' | 'unknown' };

/**
 * Reads `<dataDir>/postmaster.pid` (line 1 the pid, line 4 the port, line 8 the
 * status), or undefined when no live server holds the folder: no file, or one
 * left behind by a server that died.
 */
export async function runningPostmaster(dataDir: string): Promise<Postmaster | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // PostgreSQL writes the file in steps; a half-written one is read again on the next poll.
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  if (!isAlive(pid)) return undefined;
  const status = lines[7]?.trim() ?? '';
  return { pid, port, status: isStatus(status) ? status : 'unknown' };
}

function isStatus(status: string): status is Postmaster['status'] {
  return ['starting', 'ready', 'stopping', 'standby'].includes(status);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Asks the server for a fast shutdown (clients are disconnected, nothing is lost) and waits until it is gone. */
export async function stopPostmaster(pid: number, timeoutMs = 60_000): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw error;
  }
  await waitForExit(pid, timeoutMs);
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}
