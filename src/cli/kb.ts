import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, parseConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { repositoryRoot } from '../db/orm.config.js';
import { CorpusError } from '../ingest/corpus-error.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import { createLogger } from '../logger.js';
import { createSchema, printSortedSchema } from '../schema/build-schema.js';

const usage = `Usage: npm run kb -- <command>

Commands:
  migrate             apply the committed migrations
  migration:create    generate a migration from the entities' difference to the database
  load [DIR]          load the curated corpus (default: DATA_DIR) in one transaction
  schema              write the GraphQL schema to src/schema/schema.graphql`;

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  switch (command) {
    case 'migrate': {
      const database = await openDatabase(config, logger.info);
      await database.close();
      return 0;
    }
    case 'migration:create': {
      const database = await openDatabase(config, logger.info);
      try {
        const result = await database.orm.migrator.create(undefined, false, false, rest[0]);
        console.log(result.fileName ? `created ${result.fileName}` : 'no schema changes');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'load': {
      const database = await openDatabase(config, logger.info);
      try {
        const report = await loadCorpus(database.orm, config.dataDir, rest[0]);
        for (const [kind, tally] of Object.entries(report)) {
          const removed = tally.removed ? `, removed ${tally.removed}` : '';
          console.log(`${kind.padEnd(18)} created ${tally.created}, updated ${tally.updated}, unchanged ${tally.unchanged}${removed}`);
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'schema': {
      const file = path.join(repositoryRoot, 'src', 'schema', 'schema.graphql');
      await writeFile(file, printSortedSchema(await createSchema()));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      return 0;
    }
    default:
      console.error(usage);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Corpus and configuration problems are the user's to fix: say what they are, without a stack.
    console.error(error instanceof CorpusError || error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
