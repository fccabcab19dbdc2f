import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './free-port.js';

export const REDIS_SERVER = '/usr/bin/redis-server';

export type OwnRedis = {
  url: string;
  /** Starts the server (again) on its port, empty, and waits until it accepts connections. */
  start: () => Promise<void>;
  /** SIGKILL: the server is gone at once, as after a crash. */
  kill: () => Promise<void>;
  /** SIGSTOP: the server keeps its connections open but answers nothing, as a hung one does. */
  pause: () => void;
  resume: () => void;
};

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A Redis of the test's own, on a free port, with nothing saved to disk, so
 * a test can take it away and bring it back without touching anyone else's.
 * Not started until `start()`: a test may begin with Redis missing.
 */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      const deadline = Date.now() + 10_000;
      while (!(await accepting(port))) {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    kill: async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGCONT');
      running.kill('SIGKILL');
      await exited;
    },
    pause: () => {
      child?.kill('SIGSTOP');
    },
    resume: () => {
      child?.kill('SIGCONT');
    },
  };
  return own;
}
