import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { queryBound } from '../db/bound-query.js';
import { ErrorCode } from '../errors.js';

/** How many known slugs an unknown one is answered with. */
const NEAREST = 3;
/** pg_trgm's default similarity threshold: below it, two texts are not alike. */
const ALIKE = 0.3;

/** SQL that holds when the text expression `slug` is a known topic's slug (as written: slugs are lower case). */
export const topicSlugKnown = (slug: string) => `exists (select 1 from topic known where known.slug = ${slug})`;

/**
 * The known slugs nearest to `slug`: the same slug in other case first, then
 * those alike by trigram similarity (pg_trgm's threshold) to the slug, the
 * topic's name or one of its synonyms ("mentorship" is near
 * coaching-and-mentoring), closest first; the closest alone when none is alike.
 */
export async function nearestTopicSlugs(em: EntityManager, slug: string): Promise<string[]> {
  const rows = await queryBound<{ slug: string; alike: boolean }>(
    em,
    `select scored.slug, scored.score >= ${ALIKE} as alike
       from (select t.slug,
                    case when t.slug = q.asked then 1
                         else greatest(similarity(t.slug, q.asked), similarity(lower(t.name), q.asked),
                                       coalesce((select max(similarity(lower(synonym), q.asked)) from unnest(t.synonyms) as synonym), 0)) end as score
               from topic t, (select lower($1::text) as asked) q) scored
      order by scored.score desc, scored.slug
      limit ${NEAREST}`,
    [slug],
  );
  const alike = rows.filter((row) => row.alike);
  return (alike.length > 0 ? alike : rows.slice(0, 1)).map((row) => row.slug);
}

/** The slugs among `slugs` that no topic has. */
async function unknownSlugs(em: EntityManager, slugs: readonly string[]): Promise<string[]> {
  const rows = await queryBound<{ slug: string }>(
    em,
    `select asked.slug from unnest($1::text[]) with ordinality as asked(slug, position)
      where not exists (select 1 from topic t where t.slug = asked.slug) order by asked.position`,
    [slugs],
  );
  return rows.map((row) => row.slug);
}

/**
 * Refuses a topic slug argument that names no topic, a NOT_FOUND naming the
 * slug and the nearest known ones, rather than answering an empty list a
 * researcher would read as "nothing on this topic". Null and absent pass.
 */
export async function requireKnownTopicSlugs(em: EntityManager, slugs: readonly string[] | string | null | undefined, argument: string): Promise<void> {
  if (slugs === null || slugs === undefined) return;
  const asked = typeof slugs === 'string' ? [slugs] : slugs;
  if (asked.length === 0) return;
  const [unknown] = await unknownSlugs(em, asked);
  if (unknown === undefined) return;
  const nearest = await nearestTopicSlugs(em, unknown);
  throw new GraphQLError(`No topic has the slug "${unknown}"; nearest known: ${nearest.map((slug) => `"${slug}"`).join(', ')}`, {
    extensions: { code: ErrorCode.NOT_FOUND, argumentName: argument, slug: unknown, nearestSlugs: nearest },
  });
}
