import { inject } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { parseConfig } from '../../src/config.js';
import { startLekgotla, type RunningLekgotla } from '../../src/lekgotla.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase } from './databases.js';

export type GraphQLResponse<T> = {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
};

export type TestApp = {
  url: string;
  lekgotla: RunningLekgotla;
  /** Posts a typed operation with variables and returns the parsed body. */
  graphql: <Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables?: Variables,
  ) => Promise<GraphQLResponse<Result>>;
  /** Posts raw query text, for requests no typed document can express (bad input). */
  post: (body: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: GraphQLResponse<unknown> }>;
  close: () => Promise<void>;
};

/**
 * The one way tests start Lekgotla: a real HTTP server on a free port over a
 * database of its own, cloned from the seeded template (or empty).
 */
export async function startTestApp(options: { emptyDatabase?: boolean; environment?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase(inject('serverUrl'), { empty: options.emptyDatabase });
  const config = parseConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOAD_SEED_ON_START: options.emptyDatabase ? 'true' : 'false',
    // Tests send hundreds of requests from one address; test/client-limits.test.ts turns the limits on.
    RATE_LIMIT_PER_MINUTE: '0',
    MAX_CONCURRENT_PER_CLIENT: '0',
    ...options.environment,
  });
  const lekgotla = await startLekgotla(config, createLogger(config.logLevel));
  const post: TestApp['post'] = async (body, headers = {}) => {
    const response = await fetch(`${lekgotla.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<unknown> };
  };
  return {
    url: lekgotla.url,
    lekgotla,
    post,
    graphql: async (document, variables) => (await post({ query: print(document), variables })).body as never,
    close: async () => {
      await lekgotla.close();
      await database.drop();
    },
  };
}
