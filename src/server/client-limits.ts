import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { createHash } from 'node:crypto';
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
export async function createClientLimits(config: Pick<Config, 'rateLimitPerMinute' | 'maxConcurrentPerClient' | 'redisUrl' | 'redisPrefix'>, logger: Logger): Promise<ClientLimits> {
  const handlers: RequestHandler[] = [];
  const dependencies: Record<string, Dependency> = {};
  let close = async () => {};
  if (config.maxConcurrentPerClient > 0) handlers.push(concurrencyCap(config.maxConcurrentPerClient));
  if (config.rateLimitPerMinute > 0) {
    let store: Store | undefined;
    if (config.redisUrl) {
      // The Redis client (3 MB of heap) is loaded only by servers that count through Redis.
      const { sharedRateLimitStore } = await import('./shared-rate-limits.js');
      const shared = sharedRateLimitStore(config.redisUrl, config.redisPrefix, logger);
      store = shared.store;
      dependencies.rateLimits = shared.dependency;
      close = shared.close;
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
