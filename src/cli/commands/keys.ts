import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.js';
import { Role } from '../../entities/enums.js';
import { UsageError, type Command } from '../command.js';
import { withDatabase } from './database.js';

export const keys: Command = {
  usage: 'keys create NAME --role EDITOR|ADMIN | keys list | keys revoke NAME',
  summary: 'manage the API keys that may write (only their hashes are stored)',
  run: (context) => {
    const { positionals, values } = parseArgs({
      args: context.args,
      allowPositionals: true,
      options: { role: { type: 'string' } },
    });
    const [action, name] = positionals;
    return withDatabase(context, async ({ orm }) => {
      const em = orm.em.fork();
      switch (action) {
        case 'create': {
          const role = values.role as Role | undefined;
          if (!name) throw new UsageError('keys create needs a NAME');
          if (!role || !Object.values(Role).includes(role)) throw new UsageError('keys create needs --role EDITOR or --role ADMIN');
          const key = await createApiKey(em, name, role);
          console.log(key);
          console.error(`Created the ${role} key "${name}". It is shown only now: keep it safe.`);
          return 0;
        }
        case 'list':
          for (const key of await listApiKeys(em)) {
            const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
            console.log(`${key.name}\t${key.role}\t${key.prefix}…\tcreated ${key.createdAt.toISOString()}\t${state}`);
          }
          return 0;
        case 'revoke':
          if (!name) throw new UsageError('keys revoke needs a NAME');
          await revokeApiKey(em, name);
          console.log(`revoked "${name}"`);
          return 0;
        default:
          throw new UsageError('keys needs create, list or revoke');
      }
    });
  },
};
