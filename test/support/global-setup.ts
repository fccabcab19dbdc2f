import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { loadCorpus } from '../../src/ingest/load-corpus.js';
import { freePort } from './free-port.js';
import { TEMPLATE_DATABASE, withDatabaseName } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose database TEMPLATE_DATABASE holds the migrated schema and the seed corpus. */
    serverUrl: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one by default, or the
 * server at TEST_DATABASE_URL. A template database is migrated and seeded
 * once; each test file clones it, which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres', detached: false });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();

  const config = parseConfig({ DATABASE_URL: withDatabaseName(serverUrl, TEMPLATE_DATABASE), LOG_LEVEL: 'silent' });
  const database = await openDatabase(config, () => {});
  await loadCorpus(database.orm, config.dataDir);
  await database.close();

  project.provide('serverUrl', serverUrl);
  return async () => {
    await stopEmbedded?.();
  };
}
