import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './postmaster.js';

/**
 * Runs `work` while holding a lock folder (creating a folder is atomic), so
 * that processes started together take turns. A lock whose holder died is
 * taken over.
 */
export async function withFolderLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await abandoned(lock)) await rm(lock, { recursive: true, force: true });
    else await sleep(200);
  }
  try {
    await writeFile(path.join(lock, 'pid'), String(process.pid));
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Its holder is gone, or never wrote its pid (it writes it right after creating the folder). */
async function abandoned(lock: string): Promise<boolean> {
  const holder = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
  if (holder > 0) return !isAlive(holder);
  const created = await stat(lock).then(
    (info) => info.mtimeMs,
    () => Date.now(),
  );
  return Date.now() - created > 10_000;
}
