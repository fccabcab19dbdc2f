import 'reflect-metadata';
import { KeyError } from '../auth/api-keys.js';
import { ConfigError, parseConfig } from '../config.js';
import { CorpusError } from '../ingest/corpus-error.js';
import { createLogger } from '../logger.js';
import { UsageError, type Command } from './command.js';
import { evalExtract } from './commands/eval-extract.js';
import { exportCommand } from './commands/export.js';
import { extract, importText } from './commands/extract.js';
import { importCommand } from './commands/import.js';
import { keys } from './commands/keys.js';
import { load } from './commands/load.js';
import { migrate, migrationCreate } from './commands/migrate.js';
import { schema } from './commands/schema.js';
import { synth } from './commands/synth.js';

const commands: Record<string, Command> = {
  migrate,
  'migration:create': migrationCreate,
  load,
  import: importCommand,
  extract,
  'import-text': importText,
  'eval-extract': evalExtract,
  export: exportCommand,
  synth,
  keys,
  schema,
};

function usage(): string {
  const lines = Object.values(commands).map((command) => `  ${command.usage.padEnd(52)} ${command.summary}`);
  return `Usage: npm run kb -- <command>\n\nCommands:\n${lines.join('\n')}`;
}

async function main([name, ...args]: string[]): Promise<number> {
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(usage());
    return name ? 2 : 0;
  }
  const config = parseConfig(process.env);
  return command.run({ args, config, logger: createLogger(config.logLevel) });
}

/** Problems the user can fix get a plain message; anything else keeps its stack for a bug report. */
const expected = [ConfigError, CorpusError, KeyError, UsageError];

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(expected.some((type) => error instanceof type) ? `error: ${(error as Error).message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
