import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { badUserInput } from '../errors.js';

/** The GraphQL types whose ids are global. */
export const nodeTypes = [
  'Conference',
  'ConferenceSeries',
  'ConferenceDay',
  'Session',
  'Participation',
  'Person',
  'Position',
  'Organisation',
  'Topic',
  'Source',
  'Annex',
  'Document',
] as const;
export type NodeType = (typeof nodeTypes)[number];

export function globalIdOf(type: NodeType, id: number): string {
  return toGlobalId(type, String(id));
}

/**
 * Reads a global id. A string that is not one of ours is the caller's mistake
 * (BAD_USER_INPUT); a well-formed id of an expected type is returned even if
 * nothing has it, so lookups can answer null.
 */
export function parseGlobalId(globalId: string, argument: string, expected?: readonly NodeType[]): { type: NodeType; id: number } {
  const { type, id } = fromGlobalId(globalId);
  const numeric = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : NaN;
  if (!nodeTypes.includes(type as NodeType) || !Number.isSafeInteger(numeric) || numeric > 2147483647) {
    throw badUserInput(`"${globalId}" is not a valid id`, argument);
  }
  if (expected && !expected.includes(type as NodeType)) {
    throw badUserInput(`"${globalId}" is the id of a ${type}, not of a ${expected.join(' or ')}`, argument);
  }
  return { type: type as NodeType, id: numeric };
}
