import type { EntityManager } from '@mikro-orm/postgresql';
import { ConferenceSeries, Topic } from '../entities/index.js';
import { topicTimeline } from '../resolvers/topic-analysis.js';
import { toCsv } from './csv.js';
import { ExportInputError } from './errors.js';
import type { TimelineInput } from './input.js';

export const timelineHeader = ['topic_slug', 'topic_name', 'year', 'session_count', 'conference_count', 'known', 'documentation'] as const;

/** The API's limit: a timeline spans at most this many years. */
const MAX_TIMELINE_YEARS = 200;

/**
 * The API's topicTimeline as a table: per topic and year, how many sessions
 * carried it and in how many editions it appeared. Every year of the range
 * has a row. `known` and `documentation` are the API's: a year is known only
 * when all its editions are documented. In a year that is not known (only
 * referenced, partly documented, or without an edition) a count of zero is
 * an empty cell, because it means "unknown", not "none", and a spreadsheet
 * charts an empty cell as a gap; a count above zero there is what the
 * records hold, a lower bound (the 2002 edition's recorded focus).
 */
export async function topicTimelineCsv(em: EntityManager, input: TimelineInput): Promise<string> {
  if (input.fromYear !== undefined && input.toYear !== undefined && input.toYear - input.fromYear >= MAX_TIMELINE_YEARS) {
    throw new ExportInputError('toYear', `toYear: a timeline spans at most ${MAX_TIMELINE_YEARS} years`);
  }
  const topics = await em.find(Topic, input.topicSlugs ? { slug: { $in: input.topicSlugs } } : {});
  // The API drops unknown slugs silently; a file has nowhere to show that, so say so.
  const unknown = input.topicSlugs?.filter((slug) => !topics.some((topic) => topic.slug === slug)) ?? [];
  if (unknown.length > 0) throw new ExportInputError('topicSlugs', `topicSlugs: no topic has the slug "${unknown[0]}"`);

  if (input.seriesSlug !== undefined && (await em.count(ConferenceSeries, { slug: input.seriesSlug })) === 0) {
    throw new ExportInputError('seriesSlug', `seriesSlug: no conference series has the slug "${input.seriesSlug}"`);
  }

  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const rows = await topicTimeline(em, { ...input, topicIds: input.topicSlugs ? [...byId.keys()] : undefined });
  return toCsv(
    timelineHeader,
    rows.map(({ topicId, year, sessionCount, conferenceCount, known, documentation }) => {
      const topic = byId.get(topicId)!;
      const count = (value: number) => (known || value > 0 ? value : null);
      return [topic.slug, topic.name, year, count(sessionCount), count(conferenceCount), known, documentation];
    }),
  );
}
