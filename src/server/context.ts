import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { actorForKey, type Actor } from '../auth/api-keys.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { createLoaders, type Loaders } from '../loaders/loaders.js';
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

/**
 * One request's context. Its EntityManager fork and loaders are made when a
 * resolver (or the key lookup) first asks for them: a read the read floor
 * compiles needs neither, and making them cost a portal's request as much as
 * the rest of the server's own work on it.
 */
export class RequestContext implements Context {
  actor?: Actor;
  private fork?: EntityManager;
  private madeLoaders?: Loaders;

  constructor(private readonly orm: MikroORM) {}

  get em(): EntityManager {
    this.fork ??= this.orm.em.fork();
    return this.fork;
  }

  get loaders(): Loaders {
    this.madeLoaders ??= createLoaders(this.em);
    return this.madeLoaders;
  }

  /** Lets go of what the request loaded (the fork's identity map), if it loaded anything. */
  release(): void {
    this.fork?.clear();
  }
}

export async function createContext(orm: MikroORM, authorization?: string): Promise<RequestContext> {
  const context = new RequestContext(orm);
  const token = bearerToken(authorization);
  if (token === undefined) return context;
  context.actor = await holderOf(context.em, token);
  // A key that is wrong is refused outright, rather than silently read as anonymous.
  if (!context.actor) throw unauthenticated('The API key is unknown or revoked');
  return context;
}
