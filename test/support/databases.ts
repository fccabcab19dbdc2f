import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEMPLATE_DATABASE = 'lekgotla_test_template';

export function withDatabaseName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A new database for one test file: a copy of the seeded template, or an
 * empty one. Returns its URL and how to drop it.
 */
export async function createTestDatabase(serverUrl: string, options: { empty?: boolean } = {}) {
  const name = `lekgotla_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(options.empty ? `create database ${name}` : `create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabaseName(serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A copy of the seeded template (createTestDatabase) and a client connected to it; close() ends the client and drops the copy. */
export async function connectToTestDatabase(serverUrl: string) {
  const database = await createTestDatabase(serverUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    client,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}
