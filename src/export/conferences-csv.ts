import type { EntityManager } from '@mikro-orm/postgresql';
import { DocumentationStatus } from '../entities/enums.js';
import { parseGlobalId } from '../schema/global-id.js';
import { toCsv } from './csv.js';
import { everyNode, type Connection } from './read-floor.js';

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

const CONFERENCES = `query ExportConferences($after: String) {
  conferences(first: 100, after: $after) {
    nodes {
      id series { slug } year title theme startDate endDate venue { name city } audience expectedAttendance documentation focus background
      topics { name }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

type ConferenceRow = {
  id: string;
  series: { slug: string };
  year: number;
  title: string;
  theme: string | null;
  startDate: string | null;
  endDate: string | null;
  venue: { name: string; city: string | null } | null;
  audience: string | null;
  expectedAttendance: number | null;
  documentation: DocumentationStatus;
  focus: string | null;
  background: string | null;
  topics: Array<{ name: string }>;
};

/** Series by slug, then years oldest first, then the order the editions were recorded in (two of one year). */
function bySeriesAndYear(left: ConferenceRow, right: ConferenceRow): number {
  if (left.series.slug !== right.series.slug) return left.series.slug < right.series.slug ? -1 : 1;
  return left.year - right.year || parseGlobalId(left.id, 'id').id - parseGlobalId(right.id, 'id').id;
}

/**
 * One row per edition, series by series, oldest first, as the API's
 * conferences give them (topics as Conference.topics lists them: its own and
 * those of its sessions, by name). An edition known only by reference has
 * topics only where another source mentions them: its `topics_known` is
 * false, and its topics cell says "unknown" when nothing is recorded rather
 * than being empty, which would read as "no topics".
 */
export async function conferencesCsv(em: EntityManager): Promise<string> {
  const conferences = await everyNode<ConferenceRow>(em, CONFERENCES, {}, (data) => (data as { conferences: Connection<ConferenceRow> }).conferences);
  return toCsv(
    conferencesHeader,
    conferences.sort(bySeriesAndYear).map((conference) => [
      conference.series.slug,
      conference.year,
      conference.title,
      conference.theme,
      conference.startDate,
      conference.endDate,
      conference.venue?.name,
      conference.venue?.city,
      conference.audience,
      conference.expectedAttendance,
      conference.documentation,
      conference.focus,
      conference.background,
      topicsCell(conference),
      conference.id,
      topicsKnown(conference),
    ]),
  );
}

const topicsKnown = (conference: ConferenceRow) => conference.documentation === DocumentationStatus.DOCUMENTED;

function topicsCell(conference: ConferenceRow): string {
  const names = conference.topics.map((topic) => topic.name);
  return names.length === 0 && !topicsKnown(conference) ? UNKNOWN_TOPICS : names.join('; ');
}
