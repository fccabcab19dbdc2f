import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './auth/api-keys.js';
import type { Loaders } from './loaders/loaders.js';

/** What every resolver gets: this request's own EntityManager fork and loaders, and who is asking. */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  /** The holder of the API key the request carried; anonymous readers have none. */
  actor?: Actor;
}
