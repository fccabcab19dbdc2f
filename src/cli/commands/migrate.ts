import type { Command } from '../command.js';
import { withDatabase } from './database.js';

export const migrate: Command = {
  usage: 'migrate',
  summary: 'apply the committed migrations',
  run: (context) => withDatabase(context, async () => 0),
};

export const migrationCreate: Command = {
  usage: 'migration:create [NAME]',
  summary: "generate a migration from the entities' difference to the database",
  run: (context) =>
    withDatabase(context, async ({ orm }) => {
      const result = await orm.migrator.create(undefined, false, false, context.args[0]);
      console.log(result.fileName ? `created ${result.fileName}` : 'no schema changes');
      return 0;
    }),
};
