import { createClient } from '@keyv/redis';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { stateTracker } from '../cache/dependency.js';
import type { Dependency } from './readiness.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { sendError } from './http-errors.js';

export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Who is asking: the API key, when the request carries one (hashed, so no
 * key is kept in Redis), or else the client's address (IPv6 by its /56,
 * as express-rate-limit advises). An unknown key buys nothing: it is
 * refused with 401 once the request reaches GraphQL.
 */
export function clientOf(request: Request): string {
  const authorization = request.headers.authorization;
  if (authorization) return `key:${createHash('sha256').update(authorization).digest('hex')}`;
  return `address:${ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? '')}`;
}

/**
 * At most `max` requests of one client in progress at once, in this
 * process: the next is refused with 429 and Retry-After until one ends, so
 * one client cannot queue the server for everyone else.
 */
function concurrencyCap(max: number): RequestHandler {
  const inProgress = new Map<string, number>();
  return (request, response, next) => {
    const client = clientOf(request);
    const running = inProgress.get(client) ?? 0;
    if (running >= max) {
      response.setHeader('Retry-After', '1');
      sendError(response, 429, RATE_LIMITED, `At most ${max} requests of one client may be in progress at once; retry when one has finished`);
      return;
    }
    inProgress.set(client, running + 1);
    // 'close' comes once per response, whether it finished or the client went away.
    response.once('close', () => {
      const left = (inProgress.get(client) ?? 1) - 1;
      if (left > 0) inProgress.set(client, left);
      else inProgress.delete(client);
    });
    next();
  };
}

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

export type ClientLimits = {
  handlers: RequestHandler[];
  /** For /readyz: whether counts are shared through Redis right now (only when REDIS_URL is set). */
  dependencies: Record<string, Dependency>;
  close: () => Promise<void>;
};

/**
 * Per-client limits for the API: RATE_LIMIT_PER_MINUTE requests a minute
 * (express-rate-limit, counted in Redis when REDIS_URL is set, so every
 * server sharing it counts together; in this process otherwise) and
 * MAX_CONCURRENT_PER_CLIENT in progress. Both answer 429 RATE_LIMITED with
 * Retry-After. While Redis is away, requests are not counted rather than
 * kept waiting.
 */
export function createClientLimits(config: Pick<Config, 'rateLimitPerMinute' | 'maxConcurrentPerClient' | 'redisUrl' | 'redisPrefix'>, logger: Logger): ClientLimits {
  const handlers: RequestHandler[] = [];
  const dependencies: Record<string, Dependency> = {};
  let close = async () => {};
  if (config.maxConcurrentPerClient > 0) handlers.push(concurrencyCap(config.maxConcurrentPerClient));
  if (config.rateLimitPerMinute > 0) {
    let store: ReloadingRedisStore | undefined;
    if (config.redisUrl) {
      // Commands fail at once while the connection is down, so no request waits for Redis.
      const redis = createClient({ url: config.redisUrl, disableOfflineQueue: true, socket: { connectTimeout: 2000 } });
      // Down until the store's scripts are loaded: until then requests pass uncounted.
      const counting = stateTracker('down');
      dependencies.rateLimits = { required: false, state: counting.current };
      redis.on('error', (error: Error) => {
        counting.set('down');
        logger.warn(`rate limits: redis: ${error.message}`);
      });
      const shared = new ReloadingRedisStore(
        { prefix: `${config.redisPrefix}:rate:`, sendCommand: (...command: string[]) => redis.sendCommand(command) as Promise<RedisReply> },
        () => redis.isReady,
      );
      redis.on('ready', () => void shared.reload(logger).then((loaded) => counting.set(loaded ? 'up' : 'down')));
      redis.connect().catch((error: Error) => logger.warn(`rate limits: redis: ${error.message}`));
      store = shared;
      close = async () => redis.destroy();
    }
    handlers.push(
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimitPerMinute,
        keyGenerator: clientOf,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        ...(store ? { store } : {}),
        passOnStoreError: true,
        logger: {
          warn: (problem: unknown, message?: string) => logger.warn(`rate limits: ${message ?? ''} ${problem instanceof Error ? problem.message : String(problem)}`),
          error: (problem: unknown, message?: string) => logger.warn(`rate limits: ${message ?? ''} ${problem instanceof Error ? problem.message : String(problem)}`),
        },
        handler: (_request, response) => {
          sendError(response, 429, RATE_LIMITED, `More than ${config.rateLimitPerMinute} requests a minute from one client; retry after the time Retry-After gives`);
        },
      }),
    );
  }
  return { handlers, dependencies, close };
}
