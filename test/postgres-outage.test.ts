import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { parseConfig } from '../src/config.js';
import { Role } from '../src/entities/enums.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { createLogger } from '../src/logger.js';
import { eventually } from './support/eventually.js';
import { ownPostgres, type OwnPostgres } from './support/own-postgres.js';
import { readTopic, renameTopic } from './support/requests.js';

describe('two servers on a PostgreSQL of their own that crashes and restarts', () => {
  let postgres: OwnPostgres;
  let first: RunningLekgotla;
  let second: RunningLekgotla;
  let editorKey: string;

  beforeAll(async () => {
    postgres = await ownPostgres();
    const environment = { DATABASE_URL: postgres.url, PORT: '0', LOG_LEVEL: 'silent', CACHE_MAX_AGE: '120' };
    // The first loads the seed corpus into the new database; the second finds it there.
    first = await startLekgotla(parseConfig(environment), createLogger('silent'));
    second = await startLekgotla(parseConfig({ ...environment, LOAD_SEED_ON_START: 'false' }), createLogger('silent'));
    editorKey = await createApiKey(second.database.orm.em.fork(), 'editor', Role.EDITOR);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await postgres?.remove();
  });

  it('a change made through the other server after the restart is seen, not an answer cached before it', async () => {
    const before = await readTopic(first.url);
    expect(before.name).toBe('Internal audit');
    await postgres.kill();
    await postgres.start();
    await eventually(async () => {
      expect(await renameTopic(second.url, editorKey, before, 'Internal audit after a restart')).toBe('Internal audit after a restart');
    }, 30_000);
    await eventually(async () => {
      expect((await readTopic(first.url)).name).toBe('Internal audit after a restart');
    }, 15_000);
  });
});
