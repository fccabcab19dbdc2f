import { z } from 'zod';
import { ParticipationRole, SessionKind } from '../entities/enums.js';
import { PositionRank } from '../entities/position-rank.js';
import { parseGlobalId, type NodeType } from '../schema/global-id.js';
import { ExportInputError } from './errors.js';

/**
 * The parameters of each export, as query strings (or CLI options) give
 * them: strings, where an empty one (`?kind=`) means "not given", as an HTML
 * form sends it. Unknown parameters are refused, so a misspelt filter cannot
 * silently export everything.
 */

const given = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

// The knowledge base covers editions of this and the last century; the
// bound also caps how many years a timeline can generate.
const year = z
  .string()
  .regex(/^[0-9]{4}$/, 'must be a four-digit year')
  .transform(Number)
  .refine((value) => value >= 1900 && value <= 2100, 'must be between 1900 and 2100');

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug such as "leadership-development"');

/** A global id of one of the given types, checked the way the API checks it; kept as given. */
const globalId = (...types: NodeType[]) =>
  z.string().superRefine((value, context) => {
    try {
      parseGlobalId(value, 'id', types);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

const yearRange = <T extends { fromYear?: number; toYear?: number }>(schema: z.ZodType<T>) =>
  schema.superRefine((value, context) => {
    if (value.fromYear !== undefined && value.toYear !== undefined && value.fromYear > value.toYear) {
      context.addIssue({ code: 'custom', path: ['fromYear'], message: `${value.fromYear} is after toYear ${value.toYear}` });
    }
  });

/** The API's SessionFilter, field for field. */
export const sessionsInput = yearRange(
  z.strictObject({
    kind: given(z.enum(SessionKind)),
    topicSlug: given(slug),
    personId: given(globalId('Person')),
    organisationId: given(globalId('Organisation')),
    role: given(z.enum(ParticipationRole)),
    positionTitle: given(z.string().regex(/[A-Za-z0-9]/, 'must hold a letter or a digit')),
    rank: given(z.enum(PositionRank)),
    fromYear: given(year),
    toYear: given(year),
  }),
);
export type SessionsInput = z.infer<typeof sessionsInput>;

export const timelineInput = yearRange(
  z.strictObject({
    topicSlugs: given(
      z
        .string()
        .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
        .pipe(z.array(slug).min(1, 'must name at least one topic')),
    ),
    seriesSlug: given(slug),
    fromYear: given(year),
    toYear: given(year),
  }),
);
export type TimelineInput = z.infer<typeof timelineInput>;

/** One edition, as the URL path names it: /export/conferences/sms/2007.jsonld */
export const editionInput = z.strictObject({ series: slug, year });
export type EditionInput = z.infer<typeof editionInput>;

export const noInput = z.strictObject({});

/** Parses raw parameters, or throws an ExportInputError that names the first bad one. */
export function parseInput<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): T {
  // `?kind=A&kind=B` arrives as an array; say so rather than "expected one of ...".
  const repeated = Object.keys(raw).find((key) => Array.isArray(raw[key]));
  if (repeated) throw new ExportInputError(repeated, `${repeated}: give it once`);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    throw new ExportInputError(issue.keys[0]!, `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${names}`);
  }
  const parameter = String(issue.path[0] ?? 'query');
  throw new ExportInputError(parameter, `${parameter}: ${issue.message}`);
}
