import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { Source } from './entities/index.js';
import { loadCorpus } from './ingest/load-corpus.js';
import type { Logger } from './logger.js';
import { createSchema } from './schema/build-schema.js';
import { createApp } from './server/app.js';
import { createCaching } from './server/caching.js';
import { createMemoryCaches, type MemoryCaches } from './server/memory-budget.js';

export type RunningLekgotla = {
  /** Where the server listens, e.g. http://127.0.0.1:4000 */
  url: string;
  database: Database;
  /** The in-process caches and what they hold. */
  caches: MemoryCaches;
  close: () => Promise<void>;
};

/**
 * Starts the whole service: database (embedded unless DATABASE_URL is set),
 * migrations, the seed corpus on first start, then the HTTP server.
 */
export async function startLekgotla(config: Config, logger: Logger): Promise<RunningLekgotla> {
  // Before anything starts: caches that do not fit the heap are a configuration mistake.
  const caches = createMemoryCaches(config);
  const database = await openDatabase(config, logger.info);
  try {
    if (config.loadSeedOnStart && (await database.orm.em.fork().count(Source, {})) === 0) {
      const report = await loadCorpus(database.orm, config.dataDir);
      logger.info(`loaded the seed corpus: ${Object.entries(report).map(([kind, tally]) => `${tally.created} ${kind}`).join(', ')}`);
    }
    const caching = await createCaching(config, logger, database.orm.config.get('clientUrl')!, caches.answers);
    const { server, apollo, limits } = await createApp({ orm: database.orm, statements: database.statements, replicas: database.replicas, caching, schema: await createSchema(), documentStore: caches.documents, config, logger });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${config.host}:${port}`,
      database,
      caches,
      close: async () => {
        // Drains the HTTP server first: requests in flight finish, with the database still there.
        await apollo.stop();
        await limits.close();
        await caching.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
