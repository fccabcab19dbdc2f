import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../../db/orm.config.js';
import { createSchema, printSortedSchema } from '../../schema/build-schema.js';
import type { Command } from '../command.js';

export const schema: Command = {
  usage: 'schema',
  summary: 'write the GraphQL schema to src/schema/schema.graphql',
  run: async () => {
    const file = path.join(repositoryRoot, 'src', 'schema', 'schema.graphql');
    await writeFile(file, printSortedSchema(await createSchema()));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    return 0;
  },
};
