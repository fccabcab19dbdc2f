import 'reflect-metadata';
import { ConfigError, parseConfig } from './config.js';
import { EmbeddedPostgresError } from './db/embedded-postgres.js';
import { CorpusError } from './ingest/corpus-error.js';
import { startLekgotla } from './lekgotla.js';
import { createLogger } from './logger.js';

async function main() {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  const lekgotla = await startLekgotla(config, logger);
  logger.info(`Lekgotla is serving ${lekgotla.url}/graphql (IDE in the browser at the same address)`);
  if (lekgotla.database.embedded) logger.info(`using the embedded PostgreSQL in ${config.embeddedPostgres.dataDir}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping`);
    try {
      await lekgotla.close();
      process.exit(0);
    } catch (error) {
      logger.error('could not stop cleanly', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof CorpusError || error instanceof EmbeddedPostgresError;
  process.stderr.write(`[lekgotla] error: could not start: ${expected ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
