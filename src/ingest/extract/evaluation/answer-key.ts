import { parseDocument } from 'yaml';
import { z } from 'zod';
import { participationRoles, spheres } from '../../corpus.schema.js';

/**
 * The answer key of one evaluation page: the facts a careful editor would
 * record from it, written by hand beside the page (`<name>.yaml` next to
 * `<name>.txt`). docs/extraction.md describes the format.
 */

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

const organisationSchema = z.union([
  z.string().min(1).transform((name): { name: string; acronym?: string } => ({ name })),
  z.strictObject({ name: z.string().min(1), acronym: z.string().min(1).optional() }),
]);

const personSchema = z.strictObject({
  /** The honorific as the page writes it ("Ms", "Prof", "Commissioner"). */
  title: z.string().min(1).optional(),
  /** Forenames or initials and surname, as written: "Richard Levin", "R M Levin". */
  name: z.string().min(1),
  /** The position's title ("Director-General", "Acting Director-General"). */
  office: z.string().min(1).optional(),
  /** The organisation of that position: the name or acronym of one of the page's organisations. */
  organisation: z.string().min(1).optional(),
  roles: z.array(participationRoles).default([]),
  /** The key of the curated person (data/corpus) this is, when the knowledge base already knows them. */
  known: z.string().min(1).optional(),
});

const conferenceSchema = z.strictObject({
  series: z.strictObject({
    name: z.string().min(1),
    sphere: spheres,
    province: z.string().min(1).optional(),
  }),
  year: z.number().int(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  venue: z.string().min(1).optional(),
  town: z.string().min(1).optional(),
  theme: z.string().min(1).optional(),
  subThemes: z.array(z.string().min(1)).default([]),
  attendance: z.strictObject({ figure: z.number().int().positive(), approximate: z.boolean() }).optional(),
});

export const answerKeySchema = z
  .strictObject({
    /** null for a page that describes no conference. */
    conference: conferenceSchema.nullable(),
    people: z.array(personSchema).default([]),
    organisations: z.array(organisationSchema).default([]),
  })
  .superRefine((key, context) => {
    const names = new Set(key.organisations.flatMap((organisation) => [organisation.name, organisation.acronym]));
    key.people.forEach((person, index) => {
      if (person.organisation && !names.has(person.organisation)) {
        context.addIssue({
          code: 'custom',
          path: ['people', index, 'organisation'],
          message: `"${person.organisation}" is not listed under organisations`,
        });
      }
    });
  });

export type AnswerKey = z.infer<typeof answerKeySchema>;
export type ExpectedPerson = AnswerKey['people'][number];
export type ExpectedOrganisation = AnswerKey['organisations'][number];

/** Parses a key's YAML; a problem names the file and the entry. */
export function parseAnswerKey(file: string, text: string): AnswerKey {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) throw new Error(`${file}: not valid YAML: ${document.errors[0]!.message}`);
  const parsed = answerKeySchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
