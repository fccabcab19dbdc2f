import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '..', '..');

export type CliResult = { code: number; stdout: string; stderr: string };

export type CompiledCli = {
  /** Runs `kb` with these arguments against the given environment (PATH and HOME are passed through). */
  run: (environment: Record<string, string | undefined>, ...args: string[]) => Promise<CliResult>;
  remove: () => Promise<void>;
};

/**
 * The `kb` command as users run it: compiled, in a folder of its own so that
 * builds running beside the tests are not disturbed.
 */
export async function compileCli(): Promise<CompiledCli> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-cli-'));
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(folder, 'dist')],
    { cwd: root },
  );
  await symlink(path.join(root, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  await writeFile(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  const kb = path.join(folder, 'dist', 'src', 'cli', 'kb.js');
  return {
    run: (environment, ...args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [kb, ...args],
          { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      }),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
