import { createClient } from '@keyv/redis';
import type { Options } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { stateTracker } from '../cache/dependency.js';
import type { Logger } from '../logger.js';
import type { Dependency } from './readiness.js';

/**
 * A Redis store that loads its scripts again whenever the connection comes
 * (back): rate-limit-redis loads them once, and a server started while
 * Redis was away would otherwise fail every count until it restarted.
 */
class ReloadingRedisStore extends RedisStore {
  private settings: Options | undefined;

  constructor(
    options: ConstructorParameters<typeof RedisStore>[0],
    private readonly connected: () => boolean,
  ) {
    super(options);
  }

  override async init(options: Options): Promise<void> {
    this.settings = options;
    // Until the connection is ready, the 'ready' event does it.
    if (this.connected()) await super.init(options);
  }

  /** Loads the scripts again; resolves true once counts can be kept. */
  async reload(logger: Logger): Promise<boolean> {
    if (!this.settings) return false;
    try {
      await this.init(this.settings);
      return true;
    } catch (error) {
      logger.warn(`rate limits: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}

/**
 * The rate limits' counts kept in Redis, so that every server sharing it
 * counts together. Until the connection is ready and the store's scripts are
 * loaded, `dependency` says down and requests pass uncounted.
 */
export function sharedRateLimitStore(redisUrl: string, prefix: string, logger: Logger): { store: RedisStore; dependency: Dependency; close: () => Promise<void> } {
  // Commands fail at once while the connection is down, so no request waits for Redis.
  const redis = createClient({ url: redisUrl, disableOfflineQueue: true, socket: { connectTimeout: 2000 } });
  const counting = stateTracker('down');
  redis.on('error', (error: Error) => {
    counting.set('down');
    logger.warn(`rate limits: redis: ${error.message}`);
  });
  const store = new ReloadingRedisStore(
    { prefix: `${prefix}:rate:`, sendCommand: (...command: string[]) => redis.sendCommand(command) as Promise<RedisReply> },
    () => redis.isReady,
  );
  redis.on('ready', () => void store.reload(logger).then((loaded) => counting.set(loaded ? 'up' : 'down')));
  redis.connect().catch((error: Error) => logger.warn(`rate limits: redis: ${error.message}`));
  return { store, dependency: { required: false, state: counting.current }, close: async () => redis.destroy() };
}
