import { Role } from '../entities/enums.js';
import type { Actor } from './api-keys.js';

/** Admins may do whatever editors may. */
const grants: Record<Role, Role[]> = {
  [Role.EDITOR]: [Role.EDITOR],
  [Role.ADMIN]: [Role.EDITOR, Role.ADMIN],
};

/** The roles a key's holder acts with; an anonymous reader has none. */
export const rolesOf = (actor: Actor | undefined): ReadonlySet<Role> => new Set(actor ? grants[actor.role] : []);
