import type { EntityManager } from '@mikro-orm/postgresql';
import { DocumentationStatus } from '../entities/enums.js';
import { Conference } from '../entities/index.js';
import { globalIdOf } from '../schema/global-id.js';
import { toCsv } from './csv.js';

export const conferencesHeader = [
  'series',
  'year',
  'title',
  'theme',
  'start_date',
  'end_date',
  'venue',
  'city',
  'audience',
  'expected_attendance',
  'documentation',
  'focus',
  'background',
  'topics',
  'conference_id',
  'topics_known',
] as const;

/** What the topics cell says of an edition only referenced when no source mentions a topic of it: not "none". */
const UNKNOWN_TOPICS = 'unknown';

/**
 * Each conference's topic names, as the API's Conference.topics gives them:
 * its own and those of its sessions, by name. One query for every edition.
 */
async function topicNamesByConference(em: EntityManager): Promise<Map<number, string[]>> {
  const rows: Array<{ conferenceId: number; name: string }> = await em.execute(
    `select distinct linked.conference_id as "conferenceId", t.name from (
       select conference_id, topic_id from conference_topic
       union select s.conference_id, st.topic_id from session_topic st join session s on s.id = st.session_id
     ) linked join topic t on t.id = linked.topic_id
     order by t.name`,
  );
  const names = new Map<number, string[]>();
  for (const row of rows) names.set(row.conferenceId, [...(names.get(row.conferenceId) ?? []), row.name]);
  return names;
}

/**
 * One row per edition, series by series, oldest first. An edition known only
 * by reference has topics only where another source mentions them: its
 * `topics_known` is false, and its topics cell says "unknown" when nothing is
 * recorded rather than being empty, which would read as "no topics".
 */
export async function conferencesCsv(em: EntityManager): Promise<string> {
  const [conferences, topics] = await Promise.all([
    em.find(Conference, {}, { populate: ['series'], orderBy: { series: { slug: 'asc' }, year: 'asc', id: 'asc' } }),
    topicNamesByConference(em),
  ]);
  return toCsv(
    conferencesHeader,
    conferences.map((conference) => [
      conference.series.slug,
      conference.year,
      conference.title,
      conference.theme,
      conference.startDate,
      conference.endDate,
      conference.venueName,
      conference.venueCity,
      conference.audience,
      conference.expectedAttendance,
      conference.documentation,
      conference.focus,
      conference.background,
      topicsCell(conference, topics.get(conference.id) ?? []),
      globalIdOf('Conference', conference.id),
      topicsKnown(conference),
    ]),
  );
}

const topicsKnown = (conference: Conference) => conference.documentation === DocumentationStatus.DOCUMENTED;

function topicsCell(conference: Conference, names: string[]): string {
  return names.length === 0 && !topicsKnown(conference) ? UNKNOWN_TOPICS : names.join('; ');
}
