/**
 * A number that changes whenever the knowledge base does. Cached answers are
 * filed under it, so a change makes every earlier answer unreachable at once.
 */
export interface DataVersion {
  current(): Promise<string>;
  bump(): Promise<void>;
}

/** For one server: the version lives in this process. */
export function localDataVersion(): DataVersion {
  let version = 0;
  return {
    current: async () => String(version),
    bump: async () => {
      version += 1;
    },
  };
}

/**
 * For several servers behind a load balancer: the version lives in Redis, so
 * a write through one server is seen by all the others before their next
 * answer.
 */
export function redisDataVersion(
  client: { get(key: string): Promise<string | null>; incr(key: string): Promise<number> },
  prefix: string,
): DataVersion {
  const VERSION_KEY = `${prefix}:data-version`;
  return {
    current: async () => (await client.get(VERSION_KEY)) ?? '0',
    bump: async () => {
      await client.incr(VERSION_KEY);
    },
  };
}
