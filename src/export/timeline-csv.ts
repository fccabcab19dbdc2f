import type { EntityManager } from '@mikro-orm/postgresql';
import { toCsv } from './csv.js';
import { ExportInputError } from './errors.js';
import type { TimelineInput } from './input.js';
import { readThroughFloor } from './read-floor.js';

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
  const data = await readThroughFloor<TimelineAnswer>(em, TIMELINE, { ...input });
  // Null when a slug names no topic: the API refuses it; a file has nowhere to show that either, so say which.
  if (!data) throw new ExportInputError('topicSlugs', `topicSlugs: no topic has the slug "${await firstUnknownSlug(em, input.topicSlugs ?? [])}"`);
  if (input.seriesSlug !== undefined && !data.conferenceSeries.some((series) => series.slug === input.seriesSlug)) {
    throw new ExportInputError('seriesSlug', `seriesSlug: no conference series has the slug "${input.seriesSlug}"`);
  }
  return toCsv(
    timelineHeader,
    data.topicTimeline.map(({ topic, year, sessionCount, conferenceCount, known, documentation }) => {
      const count = (value: number) => (known || value > 0 ? value : null);
      return [topic.slug, topic.name, year, count(sessionCount), count(conferenceCount), known, documentation];
    }),
  );
}

const TIMELINE = `query ExportTimeline($topicSlugs: [String!], $seriesSlug: String, $fromYear: Int, $toYear: Int) {
  conferenceSeries { slug }
  topicTimeline(topicSlugs: $topicSlugs, seriesSlug: $seriesSlug, fromYear: $fromYear, toYear: $toYear) {
    topic { slug name } year sessionCount conferenceCount known documentation
  }
}`;

type TimelineAnswer = {
  conferenceSeries: Array<{ slug: string }>;
  topicTimeline: Array<{ topic: { slug: string; name: string }; year: number; sessionCount: number; conferenceCount: number; known: boolean; documentation: string }>;
};

/** The first of `slugs` that names no topic, asked one by one (only when the timeline was refused). */
async function firstUnknownSlug(em: EntityManager, slugs: readonly string[]): Promise<string | undefined> {
  for (const slug of slugs) {
    if (!(await readThroughFloor(em, 'query ExportTopic($slug: String!) { topic(slug: $slug) { slug } }', { slug }))) return slug;
  }
  return undefined;
}
