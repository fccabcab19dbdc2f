import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { createClient, createKeyv, type RedisClientType } from '@keyv/redis';
import { listenForChanges } from '../cache/change-notifications.js';
import { localDataVersion, redisDataVersion, type DataVersion } from '../cache/data-version.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';

export type Caching = {
  /** Apollo's cache: persisted queries and, unless turned off, whole answers. */
  cache: KeyValueCache<string>;
  dataVersion: DataVersion;
  plugins: ApolloServerPlugin<Context>[];
  close: () => Promise<void>;
};

/**
 * Answers for key holders are theirs alone: never shared, never kept by
 * proxies. Restricted only once the answer is made, because Apollo stops
 * computing cache hints for a policy restricted before execution; this plugin
 * goes before the cache-control plugin, whose header it thereby shapes.
 */
const privateForKeyHolders: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    if (!contextValue.actor) return;
    return {
      async willSendResponse({ overallCachePolicy }) {
        overallCachePolicy.restrict({ scope: 'PRIVATE' });
      },
    };
  },
};

/** A successful write changes the data version before its answer leaves, so no later read sees older data. */
function bumpAfterWrites(dataVersion: DataVersion): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          if (operation?.operation === 'mutation' && !errors?.length) await dataVersion.bump();
        },
      };
    },
  };
}

/**
 * HTTP cache headers from cache hints, a response cache for anonymous
 * queries keyed by the data version, and the version kept current by this
 * server's writes and by change notifications from every other writer.
 */
export async function createCaching(config: Config, logger: Logger, databaseUrl: string): Promise<Caching> {
  let redis: RedisClientType | undefined;
  let cache: KeyValueCache<string>;
  let dataVersion: DataVersion;
  if (config.responseCache === 'redis') {
    redis = createClient({ url: config.redisUrl }) as RedisClientType;
    redis.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
    await redis.connect();
    cache = new KeyvAdapter(createKeyv(config.redisUrl, { namespace: config.redisPrefix }) as never);
    dataVersion = redisDataVersion(redis, config.redisPrefix);
  } else {
    cache = new InMemoryLRUCache({ maxSize: config.cacheSizeMb * 1024 * 1024 });
    dataVersion = localDataVersion();
  }
  const listener = await listenForChanges(
    databaseUrl,
    () => void dataVersion.bump().catch((error: Error) => logger.warn(`could not record a data change: ${error.message}`)),
    (error) => logger.warn(`change notifications: ${error.message}`),
  );

  const plugins: ApolloServerPlugin<Context>[] = [
    privateForKeyHolders,
    ApolloServerPluginCacheControl({ defaultMaxAge: config.cacheMaxAge, calculateHttpHeaders: config.cacheMaxAge > 0 }),
    bumpAfterWrites(dataVersion),
  ];
  if (config.responseCache !== 'off') {
    plugins.push(
      responseCachePlugin({
        cache,
        extraCacheKeyData: () => dataVersion.current(),
        shouldReadFromCache: async ({ contextValue }) => !contextValue.actor,
        shouldWriteToCache: async ({ contextValue }) => !contextValue.actor,
      }),
    );
  }
  return {
    cache,
    dataVersion,
    plugins,
    close: async () => {
      await listener.close();
      await redis?.quit();
    },
  };
}
