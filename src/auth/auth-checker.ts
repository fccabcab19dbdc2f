import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { Role } from '../entities/enums.js';
import { ErrorCode } from '../errors.js';
import type { Context } from '../context.js';
import { rolesOf } from './roles.js';

/**
 * type-graphql's check for @Authorized. It throws rather than answering
 * false, so callers learn which of the two problems they have.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.actor) {
    throw new GraphQLError('Writing needs an API key, sent as "Authorization: Bearer <key>"', {
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    });
  }
  const granted = rolesOf(context.actor);
  const missing = roles.filter((role) => !granted.has(role as Role));
  if (missing.length > 0) {
    throw new GraphQLError(`This needs the ${missing.join(', ')} role; the key "${context.actor.name}" has ${context.actor.role}`, {
      extensions: { code: ErrorCode.FORBIDDEN },
    });
  }
  return true;
};
