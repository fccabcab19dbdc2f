import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import { conferencesCsv } from './conferences-csv.js';
import { conferenceCalendar } from './icalendar.js';
import { editionInput, noInput, parseInput, sessionsInput, timelineInput, type EditionInput } from './input.js';
import { conferenceJsonLd } from './json-ld.js';
import { readProgramme } from './programme.js';
import { sessionsCsv } from './sessions-csv.js';
import { topicTimelineCsv } from './timeline-csv.js';

/** A finished export: what to send and what to call it. */
export type ExportFile = { body: string; contentType: string; filename: string };

type Export<T> = {
  input: z.ZodType<T>;
  contentType: string;
  filename: (input: T) => string;
  render: (em: EntityManager, input: T) => Promise<string>;
};

// RFC 4180's media type; `header=present` tells readers the first row names the columns.
const csvType = 'text/csv; charset=utf-8; header=present';
const editionName = ({ series, year }: EditionInput, extension: string) => `${series}-${year}.${extension}`;

/** Every export, by the name the CLI uses; the HTTP routes serve the same ones. */
export const exports = {
  'conferences.csv': {
    input: noInput,
    contentType: csvType,
    filename: () => 'conferences.csv',
    render: (em) => conferencesCsv(em),
  } satisfies Export<z.infer<typeof noInput>>,
  'sessions.csv': {
    input: sessionsInput,
    contentType: csvType,
    filename: () => 'sessions.csv',
    render: sessionsCsv,
  } satisfies Export<z.infer<typeof sessionsInput>>,
  'topic-timeline.csv': {
    input: timelineInput,
    contentType: csvType,
    filename: () => 'topic-timeline.csv',
    render: topicTimelineCsv,
  } satisfies Export<z.infer<typeof timelineInput>>,
  'conference.jsonld': {
    input: editionInput,
    contentType: 'application/ld+json',
    filename: (input) => editionName(input, 'jsonld'),
    render: async (em, input) => `${JSON.stringify(conferenceJsonLd(await readProgramme(em, input)), null, 2)}\n`,
  } satisfies Export<EditionInput>,
  'conference.ics': {
    input: editionInput,
    contentType: 'text/calendar; charset=utf-8',
    filename: (input) => editionName(input, 'ics'),
    render: async (em, input) => conferenceCalendar(await readProgramme(em, input)),
  } satisfies Export<EditionInput>,
};

export type ExportName = keyof typeof exports;
export const exportNames = Object.keys(exports) as ExportName[];

/**
 * Validates the raw parameters (query string or CLI options), throwing an
 * ExportInputError before any database work; the result renders the export.
 */
export function prepareExport(name: ExportName, raw: Record<string, unknown>): (em: EntityManager) => Promise<ExportFile> {
  const entry = exports[name] as Export<unknown>;
  const input = parseInput(entry.input, raw);
  return async (em) => ({ body: await entry.render(em, input), contentType: entry.contentType, filename: entry.filename(input) });
}
