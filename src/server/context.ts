import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { actorForKey, type Actor } from '../auth/api-keys.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { createLoaders } from '../loaders/loaders.js';
import { databaseFailure, databaseFailureError } from './database-errors.js';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** The bearer token of an Authorization header, refusing any other scheme. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must read "Bearer <key>"');
  return match[1];
}

/** The key's holder; a database failure on the way becomes the error Apollo answers 503 for. */
async function holderOf(em: EntityManager, token: string): Promise<Actor | undefined> {
  try {
    return await actorForKey(em, token);
  } catch (error) {
    const failure = databaseFailure(error);
    if (failure && error instanceof Error) throw databaseFailureError(failure, error);
    throw error;
  }
}

export async function createContext(orm: MikroORM, authorization?: string): Promise<Context> {
  const em = orm.em.fork();
  const token = bearerToken(authorization);
  const actor = token === undefined ? undefined : await holderOf(em, token);
  // A key that is wrong is refused outright, rather than silently read as anonymous.
  if (token !== undefined && !actor) throw unauthenticated('The API key is unknown or revoked');
  return { em, loaders: createLoaders(em), actor } satisfies Context;
}
