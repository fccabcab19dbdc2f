/**
 * The tables the synthetic corpus writes, with the columns it fills, in an
 * order that satisfies every foreign key (a row's references are written
 * before it). Generated tsvector columns are PostgreSQL's to compute and
 * `version` columns default to 1, so neither is listed.
 */
export const TABLES = {
  organisation: ['id', 'key', 'name', 'acronym', 'aliases', 'kind', 'sphere', 'parent_id', 'objectives', 'priority_areas'],
  conference_series: ['id', 'slug', 'name', 'organiser_id'],
  person: ['id', 'key', 'display_name', 'honorific', 'initials', 'given_names', 'surname', 'aliases'],
  conference: [
    'id', 'series_id', 'year', 'title', 'theme', 'start_date', 'end_date', 'venue_name', 'venue_city',
    'audience', 'expected_attendance', 'documentation', 'focus', 'background', 'bookings',
  ],
  objective: ['id', 'conference_id', 'ordinal', 'group', 'text'],
  contact: ['id', 'conference_id', 'name', 'phone', 'email', 'organisation_id'],
  conference_day: ['id', 'conference_id', 'number', 'date', 'sub_theme'],
  source: ['id', 'key', 'title', 'kind', 'url', 'publisher_id', 'issued_on', 'updated_on', 'text', 'checksum'],
  conference_source: ['conference_id', 'source_id'],
  session: ['id', 'conference_id', 'day_id', 'parent_id', 'ref', 'ordinal', 'kind', 'title', 'number', 'description', 'key_issues'],
  position: ['id', 'person_id', 'title', 'organisation_id', 'as_of', 'acting'],
  participation: ['id', 'person_id', 'role', 'session_id', 'day_id', 'position_id', 'ordinal'],
  citation: ['id', 'subject_kind', 'subject_id', 'source_id', 'excerpt'],
} as const;

export type TableName = keyof typeof TABLES;

/** Tables in foreign-key order. */
export const TABLE_ORDER = Object.keys(TABLES) as TableName[];

/** Tables whose `id` the generator assigns (conference_source has none). */
export const TABLES_WITH_IDS = TABLE_ORDER.filter((table): table is Exclude<TableName, 'conference_source'> => table !== 'conference_source');
export type TableWithId = (typeof TABLES_WITH_IDS)[number];

/** What a cell may hold: dates travel as 'YYYY-MM-DD' strings, enums as their names, text[] as string arrays. */
export type Cell = string | number | boolean | null | readonly string[];

export type Row<T extends TableName> = { readonly [Column in (typeof TABLES)[T][number]]: Cell };

/** Rows of several tables produced together (one edition's programme, a block of people). */
export type RowBatch = { [T in TableName]?: Array<Row<T>> };

/** How many rows of each table: what the generator states and the loader checks. */
export type Figures = Record<TableName, number>;

export function emptyFigures(): Figures {
  return Object.fromEntries(TABLE_ORDER.map((table) => [table, 0])) as Figures;
}
