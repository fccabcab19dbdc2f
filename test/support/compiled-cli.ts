import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '..', '..');

export type CliResult = { code: number; stdout: string; stderr: string };

export type CompiledCli = {
  /** Runs `kb` with these arguments against the given environment (PATH and HOME are passed through). */
  run: (environment: Record<string, string | undefined>, ...args: string[]) => Promise<CliResult>;
};

/** Brings dist/ up to date as `npm start` and `kb` do (an incremental build; a no-op when nothing changed). */
export async function buildDist(): Promise<void> {
  await promisify(execFile)('sh', [path.join(root, 'scripts', 'build.sh')], { cwd: root });
}

/**
 * The `kb` command as users run it: the package's bin (bin/kb), on the
 * built code. Test files building at the same moment take turns (scripts/build.sh).
 */
export async function compileCli(): Promise<CompiledCli> {
  await buildDist();
  return {
    run: (environment, ...args) =>
      new Promise((resolve) => {
        execFile(
          path.join(root, 'bin', 'kb'),
          args,
          { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      }),
  };
}
