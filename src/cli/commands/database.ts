import { openDatabase, type Database } from '../../db/database.js';
import type { CommandContext } from '../command.js';

/** Runs `work` with the database open, closing it (and an embedded server) whatever happens. */
export async function withDatabase<T>({ config, logger }: CommandContext, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, logger.info);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
