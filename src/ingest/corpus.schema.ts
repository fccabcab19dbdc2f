import { z } from 'zod';
import {
  DocumentationStatus,
  GovernmentSphere,
  OrganisationKind,
  ParticipationRole,
  SessionKind,
  SourceKind,
} from '../entities/enums.js';

/**
 * The curated corpus format (docs/corpus-format.md describes it for curators).
 * Every YAML file under data/corpus/ is one CorpusFile; files are merged and
 * then cross-checked, so an entry may refer to a key defined in another file.
 */

const key = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "dpsa" or "levin-r-m"');

const isoDate = z.iso.date({ message: 'must be an existing calendar date written YYYY-MM-DD' });

/** A quotation that supports a record: it must occur verbatim in the named source's text. */
export const citationSchema = z.strictObject({
  source: key,
  excerpt: z.string().min(3),
});

const cites = z.array(citationSchema).min(1, 'every fact needs at least one citation');

/**
 * The model's enum as the corpus writes it: its values as plain strings
 * ("POLICE_SERVICE"), so drafts and YAML need not import the enum. One list
 * of values, in src/entities/enums.ts; `OrganisationKind[input.kind]` turns
 * a value back into the enum where it is stored.
 */
function valuesOf<E extends Record<string, string>>(enumeration: E) {
  type Value = `${E[keyof E]}`;
  // Every enum has at least one value; the tuple type says so to z.enum.
  return z.enum(Object.values(enumeration) as [Value, ...Value[]]);
}

export const sourceKinds = valuesOf(SourceKind);
export const organisationKinds = valuesOf(OrganisationKind);
export const spheres = valuesOf(GovernmentSphere);
export const sessionKinds = valuesOf(SessionKind);
export const participationRoles = valuesOf(ParticipationRole);
export const documentationStatuses = valuesOf(DocumentationStatus);

const annexSchema = z.strictObject({
  label: z.string().min(1),
  description: z.string().min(1),
  available: z.boolean(),
  /** Conferences the annex lists, as "series/year", e.g. "sms/2004". */
  conferences: z.array(z.string().regex(/^[a-z0-9-]+\/\d{4}$/, 'must be "series/year"')).default([]),
  cite: cites,
});

export const sourceSchema = z.strictObject({
  key,
  title: z.string().min(1),
  kind: sourceKinds,
  /** Path of the verbatim text, relative to the data folder. */
  file: z.string().min(1),
  url: z.string().url().optional(),
  publisher: key.optional(),
  issuedOn: isoDate.optional(),
  updatedOn: isoDate.optional(),
  annexes: z.array(annexSchema).default([]),
});

export const organisationSchema = z.strictObject({
  key,
  name: z.string().min(1),
  acronym: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  kind: organisationKinds,
  sphere: spheres.optional(),
  parent: key.optional(),
  objectives: z.array(z.string()).default([]),
  priorityAreas: z.array(z.string()).default([]),
  topics: z.array(z.lazy(() => topicLinkSchema)).default([]),
  cite: cites,
});

export const positionSchema = z.strictObject({
  /** Unique within its person; participations refer to it. */
  key,
  title: z.string().min(1),
  organisation: key.optional(),
  acting: z.boolean().default(false),
  asOf: isoDate.optional(),
  cite: cites,
});

export const personSchema = z.strictObject({
  key,
  honorific: z.string().optional(),
  initials: z.string().optional(),
  givenNames: z.string().optional(),
  surname: z.string().min(1),
  /** Every spelling under which a source names the person, verbatim. */
  aliases: z.array(z.string()).min(1),
  positions: z.array(positionSchema).default([]),
  cite: cites,
});

export const topicSchema = z.strictObject({
  slug: key,
  name: z.string().min(1),
  synonyms: z.array(z.string()).default([]),
  description: z.string().optional(),
});

/** A curated link from a record to a topic, with the words that justify it. */
export const topicLinkSchema = z.strictObject({
  topic: key,
  evidence: z.string().min(1),
});

export const participationSchema = z.strictObject({
  person: key,
  role: participationRoles,
  /** The key of one of the person's positions: the position the source gave them here. */
  position: key.optional(),
  cite: cites,
});

export type SessionInput = {
  ref: string;
  kind: `${SessionKind}`;
  title: string;
  number?: number;
  description?: string;
  keyIssues: string[];
  participants: z.infer<typeof participationSchema>[];
  topics: z.infer<typeof topicLinkSchema>[];
  children: SessionInput[];
  cite: z.infer<typeof citationSchema>[];
};

export const sessionSchema: z.ZodType<SessionInput, unknown> = z.lazy(() =>
  z.strictObject({
    /** Unique within its conference, e.g. "day-1-commission-2". */
    ref: key,
    kind: sessionKinds,
    title: z.string().min(1),
    number: z.number().int().positive().optional(),
    description: z.string().optional(),
    keyIssues: z.array(z.string()).default([]),
    participants: z.array(participationSchema).default([]),
    topics: z.array(topicLinkSchema).default([]),
    children: z.array(sessionSchema).default([]),
    cite: cites,
  }),
);

export const daySchema = z.strictObject({
  number: z.number().int().positive(),
  date: isoDate.optional(),
  subTheme: z.string().optional(),
  chair: participationSchema.omit({ role: true }).optional(),
  sessions: z.array(sessionSchema).default([]),
  cite: cites,
});

export const conferenceSchema = z.strictObject({
  series: key,
  year: z.number().int().min(1990).max(2100),
  title: z.string().min(1),
  theme: z.string().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  venue: z.strictObject({ name: z.string().min(1), city: z.string().optional() }).optional(),
  audience: z.string().optional(),
  expectedAttendance: z.number().int().positive().optional(),
  documentation: documentationStatuses,
  focus: z.string().optional(),
  background: z.string().optional(),
  bookings: z.string().optional(),
  /** Sources that describe this edition itself. */
  sources: z.array(key).default([]),
  objectives: z
    .array(z.strictObject({ group: z.string().optional(), text: z.string().min(1) }))
    .default([]),
  contacts: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        phone: z.string().optional(),
        email: z.string().email().optional(),
        organisation: key.optional(),
      }),
    )
    .default([]),
  topics: z.array(topicLinkSchema).default([]),
  days: z.array(daySchema).default([]),
  cite: cites,
});

export const seriesSchema = z.strictObject({
  slug: key,
  name: z.string().min(1),
  organiser: key.optional(),
});

export const corpusFileSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  organisations: z.array(organisationSchema).default([]),
  people: z.array(personSchema).default([]),
  topics: z.array(topicSchema).default([]),
  series: z.array(seriesSchema).default([]),
  conferences: z.array(conferenceSchema).default([]),
});

export type CorpusFile = z.infer<typeof corpusFileSchema>;
export type SourceInput = z.infer<typeof sourceSchema>;
export type OrganisationInput = z.infer<typeof organisationSchema>;
export type PersonInput = z.infer<typeof personSchema>;
export type ConferenceInput = z.infer<typeof conferenceSchema>;
export type DayInput = z.infer<typeof daySchema>;
export type ParticipationInput = z.infer<typeof participationSchema>;
export type CitationInput = z.infer<typeof citationSchema>;
