import { cursorToOffset } from 'graphql-relay';
import { badUserInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

/** One page of a list: the rows of the window and where it starts. */
export type Window = { offset: number; limit: number };

function offsetOf(cursor: string | null | undefined, argument: string): number | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const offset = cursorToOffset(cursor);
  if (!Number.isInteger(offset) || offset < 0) throw badUserInput(`"${cursor}" is not a valid cursor`, argument);
  return offset;
}

function checkSize(value: number | null | undefined, argument: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0) throw badUserInput(`${argument} must not be negative (got ${value})`, argument);
  if (value > MAX_PAGE_SIZE) throw badUserInput(`${argument} must be at most ${MAX_PAGE_SIZE} (got ${value})`, argument);
  return value;
}

/**
 * The one place that turns Relay arguments into a window over an ordered
 * list of `totalCount` rows: sizes are checked and capped here, and page
 * size defaults to DEFAULT_PAGE_SIZE.
 */
export function windowOf(args: PageArgs, totalCount: number): Window {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  const after = offsetOf(args.after, 'after');
  const before = offsetOf(args.before, 'before');
  let start = after === undefined ? 0 : after + 1;
  let end = before === undefined ? totalCount : Math.min(before, totalCount);
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  if (first === undefined && last === undefined) end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  start = Math.min(start, totalCount);
  return { offset: start, limit: Math.max(0, end - start) };
}
