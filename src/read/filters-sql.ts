import { parseGlobalId, type NodeType } from '../schema/global-id.js';
import { NotCompiled, type Compilation } from './compilation.js';
import { topicSlugKnown } from './topic-slugs.js';
import { foldedTitleSql, foldTitle, rankOfTitleSql } from '../entities/position-rank.js';

/** A filter criterion counts when given: an explicit null, as form-driven clients send, is the same as absent. */
export const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** A global id argument, or NotCompiled when the resolvers would refuse it (they word the error). */
export function idOf(value: unknown, expected?: readonly NodeType[]): { type: NodeType; id: number } {
  if (typeof value !== 'string') throw new NotCompiled('id is not a string');
  try {
    return parseGlobalId(value, 'id', expected);
  } catch {
    throw new NotCompiled('an id the resolvers refuse');
  }
}

/** A topic slug argument, bound, on which the compiled answer stands: an unknown slug is the resolvers' to refuse. */
export function knownTopicSlug(compilation: Compilation, slug: unknown): string {
  const bound = compilation.params.bind(slug, 'text');
  compilation.require(topicSlugKnown(bound));
  return bound;
}

/**
 * The id of the topic a bound slug names, looked up once per statement (a
 * scalar subquery that PostgreSQL runs before the rows that compare with it).
 */
export const topicIdOf = (slug: string) => `(select tp.id from topic tp where tp.slug = ${slug})`;

/** The id of the topic a SessionFilter names (see topicIdOf), its slug bound and required to be known; none without one. */
export const filterTopicId = (compilation: Compilation, filter: Record<string, unknown>) =>
  present(filter.topicSlug) ? topicIdOf(knownTopicSlug(compilation, filter.topicSlug)) : undefined;

/** Whether a SessionFilter names a participation: a person, a role, a position's title, rank or organisation. */
export const namesAParticipation = (filter: Record<string, unknown>) =>
  [filter.personId, filter.role, filter.positionTitle, filter.rank, filter.organisationId].some(present);

/**
 * A filter's position title and rank as SQL conditions on position `pos`,
 * read from its title by the rules of src/entities/position-rank.ts. A title
 * part without a letter or digit is the resolvers' to refuse.
 */
export function positionConditions(compilation: Compilation, filter: Record<string, unknown>, pos: string): string[] {
  const { params } = compilation;
  const conditions: string[] = [];
  if (present(filter.positionTitle)) {
    const part = foldTitle(String(filter.positionTitle));
    if (part === '') throw new NotCompiled('a position title without a letter or digit');
    conditions.push(`strpos(${foldedTitleSql(`${pos}.title`)}, ${params.bind(part, 'text')}) > 0`);
  }
  if (present(filter.rank)) conditions.push(`${rankOfTitleSql(`${pos}.title`)} = ${params.bind(filter.rank, 'text')}`);
  if (present(filter.organisationId)) {
    conditions.push(`${pos}.organisation_id = ${params.bind(idOf(filter.organisationId, ['Organisation']).id, 'int')}`);
  }
  return conditions;
}

/**
 * The contract's SessionFilter as SQL conditions on session `s`, its
 * edition's year read from `year`; every given criterion must hold. Person,
 * organisation, role, position title and rank describe one and the same
 * participation. The filter's topic is tested through its links when
 * `linkedTopic` gives its id (filterTopicId); sessions read from the topic's
 * programme (src/read/session-rows.ts) need no test.
 */
export function sessionConditions(compilation: Compilation, filter: Record<string, unknown>, { year, linkedTopic }: { year: string; linkedTopic?: string }): string[] {
  const { params } = compilation;
  const conditions: string[] = [];
  if (present(filter.kind)) conditions.push(`s.kind = ${params.bind(filter.kind, 'session_kind')}`);
  if (linkedTopic !== undefined) conditions.push(`exists (select 1 from session_topic st where st.session_id = s.id and st.topic_id = ${linkedTopic})`);
  if (present(filter.fromYear)) conditions.push(`${year} >= ${params.bind(filter.fromYear, 'int')}`);
  if (present(filter.toYear)) conditions.push(`${year} <= ${params.bind(filter.toYear, 'int')}`);
  const participation: string[] = [];
  if (present(filter.personId)) participation.push(`pa.person_id = ${params.bind(idOf(filter.personId, ['Person']).id, 'int')}`);
  participation.push(...positionConditions(compilation, filter, 'pos'));
  if (present(filter.role)) participation.push(`pa.role = ${params.bind(filter.role, 'participation_role')}`);
  if (participation.length > 0) {
    conditions.push(`exists (select 1 from participation pa left join "position" pos on pos.id = pa.position_id
      where pa.session_id = s.id and ${participation.join(' and ')})`);
  }
  return conditions;
}

/**
 * The contract's ConferenceFilter as SQL conditions on conference `c` of
 * series `cs`. An edition is about a topic when it is linked to it or one of
 * its sessions is.
 */
export function conferenceConditions(compilation: Compilation, filter: Record<string, unknown>): string[] {
  const { params } = compilation;
  const conditions: string[] = [];
  if (present(filter.seriesSlug)) conditions.push(`cs.slug = ${params.bind(filter.seriesSlug, 'text')}`);
  if (present(filter.documentation)) conditions.push(`c.documentation = ${params.bind(filter.documentation, 'documentation_status')}`);
  if (present(filter.fromYear)) conditions.push(`c.year >= ${params.bind(filter.fromYear, 'int')}`);
  if (present(filter.toYear)) conditions.push(`c.year <= ${params.bind(filter.toYear, 'int')}`);
  if (present(filter.topicSlug)) {
    const slug = knownTopicSlug(compilation, filter.topicSlug);
    conditions.push(`(exists (select 1 from conference_topic ct join topic tp on tp.id = ct.topic_id where ct.conference_id = c.id and tp.slug = ${slug})
      or exists (select 1 from "session" s join session_topic st on st.session_id = s.id join topic tp on tp.id = st.topic_id
                 where s.conference_id = c.id and tp.slug = ${slug}))`);
  }
  return conditions;
}

/** Conditions joined for a WHERE clause (true when there are none). */
export const allOf = (conditions: readonly string[]) => (conditions.length === 0 ? 'true' : conditions.join(' and '));
