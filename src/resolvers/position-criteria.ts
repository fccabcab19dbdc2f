import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import { foldTitle, rankOfTitle, type PositionRank } from '../entities/position-rank.js';
import { badUserInput } from '../errors.js';

/** The criteria a filter may set on a position, beside its organisation. */
export type PositionCriteria = { positionTitle?: string | null; rank?: PositionRank | null };

/**
 * A filter's position title and rank as a condition on Position's title, or undefined
 * when neither is given. Both are read from the title with the rules of
 * src/entities/position-rank.ts, applied here to the distinct titles (a few
 * per kind of post), so that the query names the titles that qualify.
 * `path` names the filter argument in errors, e.g. "filter".
 */
export async function positionCriteriaWhere(em: EntityManager, criteria: PositionCriteria | undefined, path: string): Promise<{ title: { $in: string[] } } | undefined> {
  const { positionTitle, rank } = criteria ?? {};
  if (positionTitle == null && rank == null) return undefined;
  const part = positionTitle == null ? null : foldTitle(positionTitle);
  if (part === '') {
    throw badUserInput(`${path}.positionTitle must hold a letter or a digit: "${positionTitle}" has none`, `${path}.positionTitle`);
  }
  const titles = await queryBound<{ title: string }>(em, 'select distinct title from "position"', []);
  const matching = titles
    .map(({ title }) => title)
    .filter((title) => (part === null || foldTitle(title).includes(part)) && (rank == null || rankOfTitle(title) === rank));
  return { title: { $in: matching } };
}
