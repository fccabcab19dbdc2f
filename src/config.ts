import { z } from 'zod';

/**
 * Every setting Lekgotla reads, parsed once from the environment. Modules get
 * a Config passed in and never read process.env themselves.
 */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.string().url())),
  EMBEDDED_PG_DIR: z.string().default('./.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().default('./data'),
  LOAD_SEED_ON_START: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).default('true'),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  REPORT_SQL_STATEMENTS: z.enum(['true', 'false']).default('false'),
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_QUERY_ALIASES: z.coerce.number().int().nonnegative().default(15),
  MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(2000),
  MAX_QUERY_COST: z.coerce.number().int().positive().default(50000),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().nonnegative().default(20),
  SEARCH_COST: z.coerce.number().int().nonnegative().default(2500),
  CORS_ORIGINS: z.string().default(''),
  CACHE_MAX_AGE: z.coerce.number().int().nonnegative().default(60),
  RESPONSE_CACHE: z.enum(['memory', 'redis', 'off']).default('memory'),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/).default('lekgotla'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(1000),
  CACHE_SIZE_MB: z.coerce.number().int().positive().default(24),
  DOCUMENT_CACHE_SIZE_MB: z.coerce.number().int().positive().default(8),
  TRUSTED_DOCUMENTS: z.enum(['off', 'anonymous']).default('off'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().nonnegative().default(1200),
  MAX_CONCURRENT_PER_CLIENT: z.coerce.number().int().nonnegative().default(32),
  TRUST_PROXY: z.string().default(''),
  TRUSTED_DOCUMENTS_FILE: z.string().default('./client/generated/persisted-documents.json'),
});

export type Config = {
  port: number;
  host: string;
  /** An external PostgreSQL; without it an embedded one is started. */
  databaseUrl?: string;
  /**
   * Streaming replicas of DATABASE_URL. Requests without an API key read
   * from them; key holders, writes and everything outside a request use the
   * primary (see src/db/replica-routing.ts).
   */
  databaseReplicaUrls: string[];
  embeddedPostgres: { dataDir: string; port: number };
  dataDir: string;
  loadSeedOnStart: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  introspection: boolean;
  statementTimeoutMs: number;
  /** Whether responses say how many SQL statements they took (extensions.sqlStatements). */
  reportSqlStatements: boolean;
  /** Limits a query must stay within before any resolver runs. */
  queryLimits: {
    depth: number;
    aliases: number;
    tokens: number;
    cost: number;
    directives: number;
    /** What each `search` adds to a query's cost, over the cost of its selection. */
    searchCost: number;
  };
  /** Origins whose pages may call the API from a browser, with credentials. */
  corsOrigins: string[];
  /** max-age, in seconds, of public answers; 0 turns HTTP caching off. */
  cacheMaxAge: number;
  /** Where repeated anonymous answers (and persisted queries) are kept; "redis" shares them between servers. */
  responseCache: 'memory' | 'redis' | 'off';
  redisUrl?: string;
  /** Prefix of every Redis key, so deployments (and test runs) sharing a Redis stay apart. */
  redisPrefix: string;
  /** How long a Redis command may take before the server stops waiting and answers without the shared cache. */
  redisCommandTimeoutMs: number;
  /** Heap budget of the in-process cache of answers and persisted queries, in MB (src/server/memory-budget.ts). */
  cacheSizeMb: number;
  /** Heap budget of the parsed-document cache, in MB. */
  documentCacheSizeMb: number;
  /** "anonymous": callers without a key may run only the operations of the trusted-documents manifest. */
  trustedDocuments: 'off' | 'anonymous';
  trustedDocumentsFile: string;
  /** Requests a minute one client (API key, or address) may send to /graphql and /export; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Requests of one client that may be in progress at once; 0 turns the cap off. */
  maxConcurrentPerClient: number;
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For), as
   * express's "trust proxy" takes it: a number of hops, or addresses and
   * subnets; false: none, the peer is the client.
   */
  trustProxy: false | number | string;
};

export class ConfigError extends Error {}

export function parseConfig(environment: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  if (env.DATABASE_REPLICA_URLS.length > 0 && !env.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: DATABASE_REPLICA_URLS needs DATABASE_URL, the primary they replicate');
  }
  if (env.RESPONSE_CACHE === 'redis' && !env.REDIS_URL) {
    throw new ConfigError('Invalid configuration: RESPONSE_CACHE=redis needs REDIS_URL');
  }
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseReplicaUrls: env.DATABASE_REPLICA_URLS,
    embeddedPostgres: { dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT },
    dataDir: env.DATA_DIR,
    loadSeedOnStart: env.LOAD_SEED_ON_START === 'true',
    logLevel: env.LOG_LEVEL,
    introspection: env.GRAPHQL_INTROSPECTION === 'true',
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
    reportSqlStatements: env.REPORT_SQL_STATEMENTS === 'true',
    corsOrigins: env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    cacheMaxAge: env.CACHE_MAX_AGE,
    responseCache: env.RESPONSE_CACHE,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    redisCommandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    cacheSizeMb: env.CACHE_SIZE_MB,
    documentCacheSizeMb: env.DOCUMENT_CACHE_SIZE_MB,
    trustedDocuments: env.TRUSTED_DOCUMENTS,
    trustedDocumentsFile: env.TRUSTED_DOCUMENTS_FILE,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    maxConcurrentPerClient: env.MAX_CONCURRENT_PER_CLIENT,
    trustProxy: env.TRUST_PROXY === '' ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    queryLimits: {
      depth: env.MAX_QUERY_DEPTH,
      aliases: env.MAX_QUERY_ALIASES,
      tokens: env.MAX_QUERY_TOKENS,
      cost: env.MAX_QUERY_COST,
      directives: env.MAX_QUERY_DIRECTIVES,
      searchCost: env.SEARCH_COST,
    },
  };
}
