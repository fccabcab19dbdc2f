import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { createClient, createKeyv, type RedisClientType } from '@keyv/redis';
import { listenForChanges } from '../cache/change-notifications.js';
import { localDataVersion, redisDataVersion, type DataVersion } from '../cache/data-version.js';
import { watchReplication } from '../cache/replication-watch.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Context } from '../context.js';

export type Caching = {
  /** Apollo's cache: persisted queries and, unless turned off, whole answers. */
  cache: KeyValueCache<string>;
  dataVersion: DataVersion;
  plugins: ApolloServerPlugin<Context>[];
  close: () => Promise<void>;
};

/**
 * One cache policy per answer, set once: `max-age` of CACHE_MAX_AGE, public
 * for anonymous readers, private for key holders (their answers are theirs
 * alone). No type or field carries a cache hint, so Apollo's cache-control
 * plugin would reach the same policy by hooking every resolved field, which
 * costs a large answer several per cent of its time. With CACHE_MAX_AGE 0
 * answers carry no Cache-Control header, as the plugin does when told not to
 * calculate headers.
 */
function wholeAnswerCachePolicy(maxAge: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const scope = contextValue.actor ? 'PRIVATE' : 'PUBLIC';
      return {
        // Set once the operation is known, so that answers the read floor compiles (which skip execution) carry it too.
        async didResolveOperation({ overallCachePolicy }) {
          overallCachePolicy.restrict({ maxAge, scope });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          // Apollo's own answers (e.g. to an unknown persisted query) bring their header; it stands.
          if (maxAge <= 0 || response.http.headers.has('cache-control')) return;
          const policy = overallCachePolicy.policyIfCacheable();
          const cacheable = policy && response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set('cache-control', cacheable ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store');
        },
      };
    },
  };
}

/**
 * A successful write changes the data version before its answer leaves, so
 * no later read is answered from a cache older than the write. (Readers of
 * replicas are cached afresh once more when the write has reached them.)
 */
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
  const couldNotRecord = (error: Error) => logger.warn(`could not record a data change: ${error.message}`);
  const replication =
    config.databaseReplicaUrls.length > 0
      ? watchReplication(databaseUrl, config.databaseReplicaUrls, (error) => logger.warn(`replication watch: ${error.message}`))
      : undefined;
  const listener = await listenForChanges(
    databaseUrl,
    () => {
      void dataVersion.bump().catch(couldNotRecord);
      // Readers read replicas: what they cached while the change was on its way is dropped once it has arrived.
      void replication
        ?.caughtUp()
        .then((caughtUp) => (caughtUp ? dataVersion.bump() : undefined))
        .catch((error: Error) => logger.warn(`readers may be served answers older than a change until they expire: ${error.message}`));
    },
    (error) => logger.warn(`change notifications: ${error.message}`),
  );

  const plugins: ApolloServerPlugin<Context>[] = [
    // Apollo would otherwise install its own cache-control plugin, with its hook on every field.
    ApolloServerPluginCacheControlDisabled(),
    wholeAnswerCachePolicy(config.cacheMaxAge),
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
      await replication?.close();
      await redis?.quit();
    },
  };
}
