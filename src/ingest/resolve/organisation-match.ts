import { compactKey, foldedWords } from './fold.js';
import { provinceNamed } from './provinces.js';

/** An organisation already in the knowledge base, as the caller loads it. */
export interface KnownOrganisation {
  key: string;
  name: string;
  acronym?: string;
  aliases: readonly string[];
  /** An OrganisationKind value; PROVINCIAL_GOVERNMENT and ORGANISATIONAL_UNIT change how it matches. */
  kind: string;
}

export interface OrganisationMatch {
  key: string;
  /** 0..1: how directly the text names the organisation (see SCORES). */
  score: number;
  /** Why, in words a curator can check. */
  reason: string;
  /** The part of the text that named it. */
  matched: string;
}

/**
 * How directly each kind of evidence names an organisation. Resolution is
 * exact after normalisation, never fuzzy: a wrong organisation would be taken
 * as evidence that two people are one, so an unrecognised name gives
 * undefined and the curator adds it.
 */
export const ORGANISATION_SCORES = {
  name: 1,
  alias: 0.95,
  acronym: 0.95,
  withoutDepartmentOf: 0.9,
  province: 0.9,
  derivedAcronym: 0.8,
  /** Multiplies the score when the name only ends a phrase ("Senior Lecturer University of Pretoria"). */
  atEndOfPhrase: 0.9,
} as const;

/** Lower-cased words without accents or punctuation; "&" is "and", "Dept" is "Department", a leading "The" goes. */
export function normaliseOrganisationName(text: string): string {
  const words = foldedWords(text.replace(/&/g, ' and ')).map((word) => (word === 'dept' ? 'department' : word));
  return (words[0] === 'the' && words.length > 1 ? words.slice(1) : words).join(' ');
}

/** "department of public service and administration" → "public service and administration", as position phrases write it. */
function withoutDepartmentOf(normalised: string): string | undefined {
  const match = /^(?:national )?department of (?:the )?(.+)$/.exec(normalised);
  return match?.[1];
}

const ACRONYM_STOP_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to']);

/** "Sport and Recreation South Africa" → "srsa": the acronym a source may use though the corpus gives none. */
function derivedAcronym(name: string): string | undefined {
  const letters = normaliseOrganisationName(name)
    .split(' ')
    .filter((word) => !ACRONYM_STOP_WORDS.has(word))
    .map((word) => word[0])
    .join('');
  return letters.length >= 3 ? letters : undefined;
}

/** A derived acronym is only trusted where the text writes capitals, as acronyms are written. */
function looksLikeAcronym(text: string): boolean {
  return /^\p{Lu}{3,}$/u.test(text.trim());
}

interface Tier {
  score: number;
  /** Whether a name that merely ends a phrase may be found by this tier (not for the looser tiers). */
  atEndOfPhrase: boolean;
  lookup(form: string): string[];
  reason(form: string, organisation: KnownOrganisation): string;
}

function indexBy(entries: Array<[string | undefined, string]>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [value, key] of entries) {
    if (!value) continue;
    const keys = index.get(value) ?? [];
    if (!keys.includes(key)) keys.push(key);
    index.set(value, keys);
  }
  return index;
}

type Found = { key: string; score: number; reason: string; matched: string } | 'ambiguous' | undefined;

/**
 * Builds the indexes once for a list of known organisations; the result
 * resolves any number of texts. resolveOrganisation is the one-off form.
 */
export function createOrganisationResolver(known: readonly KnownOrganisation[]): (text: string) => OrganisationMatch | undefined {
  const byKey = new Map(known.map((organisation) => [organisation.key, organisation]));
  const names = indexBy(known.map((o) => [normaliseOrganisationName(o.name), o.key]));
  const aliases = indexBy(known.flatMap((o) => o.aliases.map((alias): [string, string] => [normaliseOrganisationName(alias), o.key])));
  const acronyms = indexBy(known.map((o) => [o.acronym ? compactKey(o.acronym) : undefined, o.key]));
  const cores = indexBy(known.map((o) => [withoutDepartmentOf(normaliseOrganisationName(o.name)), o.key]));
  const provinces = indexBy(
    known
      .filter((o) => o.kind === 'PROVINCIAL_GOVERNMENT')
      .flatMap((o) => [o.name, ...o.aliases].map((name): [string | undefined, string] => [provinceNamed(name), o.key])),
  );
  // Units have generic names ("Internal Audit"); guessing their acronyms would only add collisions.
  const derived = indexBy(known.filter((o) => o.kind !== 'ORGANISATIONAL_UNIT').map((o) => [derivedAcronym(o.name), o.key]));

  const tiers: Tier[] = [
    {
      score: ORGANISATION_SCORES.name,
      atEndOfPhrase: true,
      lookup: (form) => names.get(normaliseOrganisationName(form)) ?? [],
      reason: (form, o) => `"${form}" is the name of ${o.name}`,
    },
    {
      score: ORGANISATION_SCORES.alias,
      atEndOfPhrase: true,
      lookup: (form) => aliases.get(normaliseOrganisationName(form)) ?? [],
      reason: (form, o) => `"${form}" is an alias of ${o.name}`,
    },
    {
      score: ORGANISATION_SCORES.acronym,
      atEndOfPhrase: true,
      lookup: (form) => acronyms.get(compactKey(form)) ?? [],
      reason: (form, o) => `"${form}" is the acronym of ${o.name}`,
    },
    {
      score: ORGANISATION_SCORES.withoutDepartmentOf,
      atEndOfPhrase: false,
      lookup: (form) => cores.get(normaliseOrganisationName(form)) ?? [],
      reason: (form, o) => `"${form}" is the name of ${o.name} without "Department of"`,
    },
    {
      score: ORGANISATION_SCORES.province,
      atEndOfPhrase: false,
      lookup: (form) => {
        const province = provinceNamed(form);
        return province ? (provinces.get(province) ?? []) : [];
      },
      reason: (form, o) => `"${form}" names the province whose government is ${o.name}`,
    },
    {
      score: ORGANISATION_SCORES.derivedAcronym,
      atEndOfPhrase: false,
      lookup: (form) => (looksLikeAcronym(form) ? (derived.get(compactKey(form)) ?? []) : []),
      reason: (form, o) => `"${form}" is the initials of ${o.name}`,
    },
  ];

  /**
   * The first tier that knows the form decides. Two organisations in that
   * tier is ambiguity, not a choice to make. Organisational units only count
   * when they are the whole text: "Director: Internal Audit, SAPS" must not
   * resolve to some municipality's Internal Audit unit.
   */
  function lookup(form: string, whole: boolean, endOfPhrase = false): Found {
    for (const tier of tiers) {
      if (endOfPhrase && !tier.atEndOfPhrase) continue;
      const keys = tier.lookup(form).filter((key) => whole || byKey.get(key)!.kind !== 'ORGANISATIONAL_UNIT');
      if (keys.length > 1) return 'ambiguous';
      if (keys.length === 1) {
        const organisation = byKey.get(keys[0]!)!;
        return { key: organisation.key, score: tier.score, reason: tier.reason(form, organisation), matched: form };
      }
    }
    return undefined;
  }

  /** The longest run of words ending the phrase that names an organisation by name, alias or acronym. */
  function lookupAtEnd(phrase: string): Found {
    const words = phrase.split(/\s+/).filter(Boolean);
    for (let start = 1; start < words.length; start += 1) {
      const found = lookup(words.slice(start).join(' '), false, true);
      if (found === 'ambiguous') return found;
      if (found) {
        return {
          ...found,
          // Rounded so that 0.95 × 0.9 reads 0.855, not 0.8549999….
          score: Math.round(found.score * ORGANISATION_SCORES.atEndOfPhrase * 1000) / 1000,
          reason: `${found.reason}, at the end of "${phrase}"`,
        };
      }
    }
    return undefined;
  }

  return (text: string): OrganisationMatch | undefined => {
    // "Department of Public Service and Administration (DPSA)": the bracket is a second name for the same organisation.
    const brackets = [...text.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]!.trim()).filter(Boolean);
    const main = text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();

    const found: Found[] = [];
    const whole = main ? lookup(main, true) : undefined;
    found.push(whole, ...brackets.map((bracket) => lookup(bracket, true)));
    if (!whole && main) {
      // A position phrase: "Director-General: Public Service and Administration",
      // "Deputy Director-General, SAPS", "Senior Lecturer University of Pretoria".
      const parts = main
        .split(/\s*[:;,]\s*|\s+[-–—]\s+/)
        .map((part) => part.trim())
        .filter(Boolean);
      for (const part of parts) {
        const direct = parts.length > 1 ? lookup(part, false) : undefined;
        found.push(direct ?? lookupAtEnd(part));
      }
    }

    if (found.includes('ambiguous')) return undefined;
    const matches = found.filter((match): match is OrganisationMatch => match !== undefined);
    // Parts naming two different organisations ("Department of Health, Free State") is ambiguity too.
    if (new Set(matches.map((match) => match.key)).size !== 1) return undefined;
    matches.sort((a, b) => b.score - a.score);
    const best = matches[0]!;
    return { ...best, reason: [...new Set(matches.map((match) => match.reason))].join('; ') };
  };
}

/** The known organisation a text names, directly or within a position phrase; undefined when unknown or ambiguous. */
export function resolveOrganisation(text: string, known: readonly KnownOrganisation[]): OrganisationMatch | undefined {
  return createOrganisationResolver(known)(text);
}
