import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKey } from '../entities/api-key.entity.js';
import type { Role } from '../entities/enums.js';

/** Who is writing: the holder of a valid key, and what the key allows. */
export type Actor = { name: string; role: Role };

const KEY_PREFIX = 'lk_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export class KeyError extends Error {}

/** Creates a key and returns it in clear: the only time it is ever shown. */
export async function createApiKey(em: EntityManager, name: string, role: Role): Promise<string> {
  if (await em.count(ApiKey, { name })) throw new KeyError(`a key named "${name}" already exists`);
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  em.create(ApiKey, { name, role, hash: hashKey(key), prefix: key.slice(0, 10) });
  await em.flush();
  return key;
}

export async function listApiKeys(em: EntityManager) {
  return em.find(ApiKey, {}, { orderBy: { name: 'asc' } });
}

export async function revokeApiKey(em: EntityManager, name: string): Promise<void> {
  const key = await em.findOne(ApiKey, { name, revokedAt: null });
  if (!key) throw new KeyError(`no active key is named "${name}"`);
  key.revokedAt = new Date();
  await em.flush();
}

/** The actor a presented key stands for, or undefined for an unknown or revoked key. */
export async function actorForKey(em: EntityManager, key: string): Promise<Actor | undefined> {
  const found = await em.findOne(ApiKey, { hash: hashKey(key), revokedAt: null });
  return found ? { name: found.name, role: found.role } : undefined;
}
