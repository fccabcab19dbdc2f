import 'reflect-metadata';
import { KeyError } from '../auth/api-keys.js';
import { ConfigError, parseConfig } from '../config.js';
import { EmbeddedPostgresError } from '../db/embedded-postgres.js';
import { CorpusError } from '../ingest/corpus-error.js';
import { createLogger } from '../logger.js';
import { UsageError, type Command } from './command.js';

// Loaded on demand: a command pays only for the modules it uses (`kb keys list` answers in a second).
const commands: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./commands/migrate.js')).migrate,
  'migration:create': async () => (await import('./commands/migrate.js')).migrationCreate,
  load: async () => (await import('./commands/load.js')).load,
  import: async () => (await import('./commands/import.js')).importCommand,
  extract: async () => (await import('./commands/extract.js')).extract,
  'import-text': async () => (await import('./commands/extract.js')).importText,
  'eval-extract': async () => (await import('./commands/eval-extract.js')).evalExtract,
  export: async () => (await import('./commands/export.js')).exportCommand,
  synth: async () => (await import('./commands/synth.js')).synth,
  keys: async () => (await import('./commands/keys.js')).keys,
  schema: async () => (await import('./commands/schema.js')).schema,
};

async function usage(): Promise<string> {
  const lines = (await Promise.all(Object.values(commands).map((load) => load()))).map((command) => `  ${command.usage.padEnd(52)} ${command.summary}`);
  return `Usage: npx kb <command>\n\nCommands:\n${lines.join('\n')}`;
}

async function main([name, ...args]: string[]): Promise<number> {
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.error(await usage());
    return name ? 2 : 0;
  }
  const config = parseConfig(process.env);
  return (await load()).run({ args, config, logger: createLogger(config.logLevel) });
}

/** Problems the user can fix get a plain message; anything else keeps its stack for a bug report. */
const expected = [ConfigError, CorpusError, EmbeddedPostgresError, KeyError, UsageError];

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(expected.some((type) => error instanceof type) ? `error: ${(error as Error).message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
