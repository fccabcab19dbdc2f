import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** What a `kb` command receives: its own arguments, the parsed configuration and a logger. */
export type CommandContext = { args: string[]; config: Config; logger: Logger };

export type Command = {
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run: (context: CommandContext) => Promise<number>;
};

/** A problem with how a command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
