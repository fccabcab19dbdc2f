import { createClient, type RedisClientType } from '@keyv/redis';
import type { Logger } from '../logger.js';
import { reconnectDelay, stateTracker, withDeadline, type DependencyState } from './dependency.js';

/** What a command sent to Redis came to: its value, or nothing when Redis is away or too slow. */
export type Attempt<T> = { reached: true; value: T } | { reached: false };

export type SharedRedis = {
  client: RedisClientType;
  /**
   * Runs a command while Redis answers, waiting at most the command timeout.
   * While Redis is away this returns at once, without trying.
   */
  attempt<T>(command: () => Promise<T>): Promise<Attempt<T>>;
  /** Work to finish each time Redis becomes usable (at start and after every outage), before any request uses it. */
  beforeUse(step: () => Promise<void>): void;
  state(): DependencyState;
  close(): void;
};

/** How often a Redis that stopped answering on a live connection (a hung server) is asked again. */
const PROBE_INTERVAL_MS = 1000;

/**
 * The one connection to Redis, made so that Redis can never hold a request
 * up: the server starts and listens whether or not Redis is there, commands
 * fail at once while the connection is down (no offline queue) and are given
 * up after the command timeout when Redis accepts them but does not answer
 * (node-redis's own timeout stops counting once a command is written). The
 * client reconnects with back-off by itself; a hung server is probed until
 * it answers again.
 */
export function connectRedis(options: { url: string; commandTimeoutMs: number; logger: Logger }): SharedRedis {
  const { url, commandTimeoutMs, logger } = options;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: commandTimeoutMs, reconnectStrategy: (attempt) => reconnectDelay(attempt) },
  });
  const state = stateTracker('down');
  const steps: Array<() => Promise<void>> = [];
  let probe: NodeJS.Timeout | undefined;
  let recovering = false;
  let closed = false;

  const scheduleProbe = () => {
    if (closed || probe) return;
    probe = setTimeout(() => {
      probe = undefined;
      // While the connection itself is down, the client's 'ready' event ends the outage instead.
      if (client.isReady) void recover();
      else scheduleProbe();
    }, PROBE_INTERVAL_MS);
  };

  const markDown = (reason: string) => {
    if (closed) return;
    if (state.set('down')) logger.warn(`redis is unavailable (${reason}): answering without the shared cache until it returns`);
    scheduleProbe();
  };

  const recover = async () => {
    if (closed || recovering || state.current().status === 'up') return;
    recovering = true;
    try {
      await withDeadline(client.ping(), commandTimeoutMs);
      for (const step of steps) await withDeadline(step(), commandTimeoutMs);
      if (closed) return;
      state.set('up');
      logger.info('redis answers: the shared cache is in use');
    } catch (error) {
      markDown(error instanceof Error ? error.message : String(error));
    } finally {
      recovering = false;
    }
  };

  client.on('error', (error: Error) => markDown(error.message));
  client.on('ready', () => void recover());
  // Never awaited: a server starts without Redis and picks it up whenever it comes.
  client.connect().catch((error: Error) => markDown(error.message));

  return {
    client,
    async attempt(command) {
      if (state.current().status === 'down') return { reached: false };
      try {
        return { reached: true, value: await withDeadline(command(), commandTimeoutMs) };
      } catch (error) {
        markDown(error instanceof Error ? error.message : String(error));
        return { reached: false };
      }
    },
    beforeUse: (step) => {
      steps.push(step);
    },
    state: () => state.current(),
    close: () => {
      closed = true;
      clearTimeout(probe);
      // Whatever is still pending is a cache write, which may be dropped.
      if (client.isOpen) client.destroy();
    },
  };
}
