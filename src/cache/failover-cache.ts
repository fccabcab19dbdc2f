import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DataVersion } from './data-version.js';
import type { SharedRedis } from './redis-connection.js';

type LocalCache = KeyValueCache<string> & { clear(): void };

/**
 * Apollo's cache and the data version kept in Redis while it answers, and in
 * this process's memory while it does not, so the server keeps answering
 * (and caching) through an outage of Redis.
 *
 * Each time Redis becomes usable again, before any request reads it, the
 * local answers are dropped (they may be older than shared ones written
 * meanwhile), and when a change happened while Redis was away, the shared
 * version moves on: answers cached in Redis before the change must not be
 * served after it.
 */
export function failoverCaching(
  redis: SharedRedis,
  shared: { cache: KeyValueCache<string>; dataVersion: DataVersion },
  local: { cache: LocalCache; dataVersion: DataVersion },
): { cache: KeyValueCache<string>; dataVersion: DataVersion } {
  let changeMissedByRedis = false;
  redis.beforeUse(async () => {
    local.cache.clear();
    if (!changeMissedByRedis) return;
    changeMissedByRedis = false;
    try {
      await shared.dataVersion.bump();
    } catch (error) {
      changeMissedByRedis = true;
      throw error;
    }
  });

  const cache: KeyValueCache<string> = {
    async get(key) {
      const found = await redis.attempt(() => shared.cache.get(key));
      return found.reached ? found.value : local.cache.get(key);
    },
    async set(key, value, options) {
      const stored = await redis.attempt(() => shared.cache.set(key, value, options));
      if (!stored.reached) await local.cache.set(key, value, options);
    },
    async delete(key) {
      await redis.attempt(() => shared.cache.delete(key));
      return local.cache.delete(key);
    },
  };
  const dataVersion: DataVersion = {
    // The prefixes keep the two numbering schemes apart: a local 5 is not the shared 5.
    async current() {
      const version = await redis.attempt(() => shared.dataVersion.current());
      return version.reached ? `shared:${version.value}` : `local:${await local.dataVersion.current()}`;
    },
    async bump() {
      await local.dataVersion.bump();
      const bumped = await redis.attempt(() => shared.dataVersion.bump());
      if (!bumped.reached) changeMissedByRedis = true;
    },
  };
  return { cache, dataVersion };
}
