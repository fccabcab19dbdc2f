import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { listenForChanges } from '../cache/change-notifications.js';
import { localDataVersion, redisDataVersion, type DataVersion } from '../cache/data-version.js';
import type { Dependency } from './readiness.js';
import { failoverCaching } from '../cache/failover-cache.js';
import type { SharedRedis } from '../cache/redis-connection.js';
import { watchReplication } from '../cache/replication-watch.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { MeasuredCache } from './memory-budget.js';
import type { Context } from '../context.js';

export type Caching = {
  /** Apollo's cache: persisted queries and, unless turned off, whole answers. */
  cache: KeyValueCache<string>;
  dataVersion: DataVersion;
  plugins: ApolloServerPlugin<Context>[];
  /** Redis (when answers are shared through it) and the change notifications, for /readyz; the server answers without either. */
  dependencies: Record<string, Dependency>;
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
 * Neither Redis nor the notification connection is needed to answer: while
 * Redis is away answers are cached in this process, and while notifications
 * are not heard no cached answer is used.
 */
export async function createCaching(config: Config, logger: Logger, databaseUrl: string, answersInMemory: MeasuredCache<string>): Promise<Caching> {
  // The answers this process keeps itself: all of them, or those kept while Redis is away.
  const localCache = answersInMemory;
  let redis: SharedRedis | undefined;
  let cache: KeyValueCache<string>;
  let dataVersion: DataVersion;
  const redisUrl = config.responseCache === 'redis' ? config.redisUrl : undefined;
  if (redisUrl) {
    // The Redis client (3 MB of heap) is loaded only by servers that share through Redis.
    const [{ createKeyv }, { connectRedis }] = await Promise.all([import('@keyv/redis'), import('../cache/redis-connection.js')]);
    redis = connectRedis({ url: redisUrl, commandTimeoutMs: config.redisCommandTimeoutMs, logger });
    // Errors must reach failoverCaching, which decides when Redis is away; Keyv would otherwise report a miss.
    const keyv = createKeyv(redis.client, { namespace: config.redisPrefix, throwOnErrors: true });
    // The same Keyv class at run time; KeyvAdapter, a CommonJS package, is typed against keyv's CommonJS declarations.
    const sharedCache = new KeyvAdapter(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]);
    ({ cache, dataVersion } = failoverCaching(
      redis,
      { cache: sharedCache, dataVersion: redisDataVersion(redis.client, config.redisPrefix) },
      { cache: localCache, dataVersion: localDataVersion() },
    ));
  } else {
    cache = localCache;
    dataVersion = localDataVersion();
  }
  const replication =
    config.databaseReplicaUrls.length > 0
      ? watchReplication(databaseUrl, config.databaseReplicaUrls, (error) => logger.warn(`replication watch: ${error.message}`))
      : undefined;
  // Readers read replicas: what they cached while a change was on its way to them is dropped once it has arrived.
  const bumpWhenReplicated = () =>
    void replication
      ?.caughtUp()
      .then((caughtUp) => (caughtUp ? dataVersion.bump() : undefined))
      .catch((error: Error) => logger.warn(`readers may be served answers older than a change until they expire: ${error.message}`));
  const listener = await listenForChanges({
    databaseUrl,
    onChange: () => {
      void dataVersion.bump().catch((error: Error) => logger.warn(`could not record a data change: ${error.message}`));
      bumpWhenReplicated();
    },
    // Changes may have been made while nobody listened: nothing cached before may be served after.
    onReconnect: async () => {
      localCache.clear();
      await dataVersion.bump();
      bumpWhenReplicated();
    },
    logger,
  });
  const changesHeard = () => listener.state().status === 'up';

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
        // Without change notifications a cached answer could be stale: until they are heard again, none is used.
        shouldReadFromCache: async ({ contextValue }) => !contextValue.actor && changesHeard(),
        shouldWriteToCache: async ({ contextValue }) => !contextValue.actor && changesHeard(),
      }),
    );
  }
  return {
    cache,
    dataVersion,
    plugins,
    dependencies: {
      ...(redis && { redis: { required: false, state: redis.state } }),
      notifications: { required: false, state: listener.state },
    },
    close: async () => {
      await listener.close();
      await replication?.close();
      redis?.close();
    },
  };
}
