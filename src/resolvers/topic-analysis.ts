import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import { timelineSql } from '../read/timeline-sql.js';
import { YearDocumentation, type TopicYear } from './analysis.types.js';
import { DocumentationStatus } from '../entities/enums.js';
import type { ConferenceRecord, TopicRecord } from '../loaders/record-types.js';

export type TimelineRow = Omit<TopicYear, 'topic'> & { topicId: number };

export type TimelineQuery = { topicIds?: number[]; seriesSlug?: string; fromYear?: number; toYear?: number };

/** Per topic and year, the counts of src/read/timeline-sql.ts (the compiled read counts with the same SQL). */
export async function topicTimeline(em: EntityManager, query: TimelineQuery): Promise<TimelineRow[]> {
  const rows: Array<Omit<TimelineRow, 'known'>> = await queryBound(
    em,
    timelineSql({ seriesSlug: '$1::text', fromYear: '$2::int', toYear: '$3::int', topics: '$4::int[] is null or t.id = any($4::int[])' }),
    [query.seriesSlug ?? null, query.fromYear ?? null, query.toYear ?? null, query.topicIds ?? null],
  );
  return rows.map((row) => ({ ...row, known: row.documentation === YearDocumentation.DOCUMENTED }));
}

/** Jaccard similarity of two topic sets: shared over all; two empty sets are identical. */
function compareTopicSets(left: TopicRecord[], right: TopicRecord[]) {
  const rightIds = new Set(right.map((topic) => topic.id));
  const leftIds = new Set(left.map((topic) => topic.id));
  const sharedTopics = left.filter((topic) => rightIds.has(topic.id));
  const onlyLeft = left.filter((topic) => !rightIds.has(topic.id));
  const onlyRight = right.filter((topic) => !leftIds.has(topic.id));
  const union = sharedTopics.length + onlyLeft.length + onlyRight.length;
  return { sharedTopics, onlyLeft, onlyRight, similarity: union === 0 ? 1 : sharedTopics.length / union };
}

/**
 * Two editions' topics side by side. An edition known only by reference has
 * topics only where another source happens to mention them, so a similarity
 * with it would measure the gaps in the records, not the editions: it is
 * reported as unknown, with the reason.
 */
export function compareEditions(left: EditionTopics, right: EditionTopics) {
  const sets = compareTopicSets(left.topics, right.topics);
  // An edition compared with itself is named once.
  const editions = left.conference.id === right.conference.id ? [left.conference] : [left.conference, right.conference];
  const referenced = editions.filter((conference) => conference.documentation !== DocumentationStatus.DOCUMENTED);
  if (referenced.length === 0) return { ...sets, comparable: true, knownSimilarity: sets.similarity, reason: null };
  const titles = referenced.map((conference) => conference.title).join(' and ');
  const reason =
    referenced.length === 1
      ? `${titles} is only referenced, so its topics are not fully known and the editions cannot be compared`
      : `${titles} are only referenced, so their topics are not fully known and the editions cannot be compared`;
  return { ...sets, comparable: false, knownSimilarity: null, reason };
}

type EditionTopics = { conference: ConferenceRecord; topics: TopicRecord[] };
