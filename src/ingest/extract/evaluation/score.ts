import { canonicalHonorific } from '../../resolve/honorific.js';
import { createOrganisationResolver, foldedWords, normaliseTitle, parsePersonName } from '../../resolve/index.js';
import { compareNames, FORENAME_STRENGTH } from '../../resolve/name-compare.js';
import { classifyOrganisation } from '../organisations.js';
import { provinceIn } from '../text.js';
import type { AnswerKey, ExpectedPerson } from './answer-key.js';
import type { ClaimedOrganisation, ClaimedPerson, Claims } from './claims.js';

/**
 * Scores one page's claims against its answer key, fact by fact. A listed
 * fact is found when the draft states it; a claimed fact is correct when the
 * key lists it. Text compares without case, accents or punctuation; names
 * and organisations compare with the project's own matchers, so that
 * "Public Service and Administration" is the Department of that name and
 * "Professor Richard Levin" is "Prof Richard Levin".
 */

export const fields = [
  'series.name', 'series.sphere', 'series.province', 'year', 'startDate', 'endDate', 'venue', 'town', 'theme',
  'subTheme', 'attendance.figure', 'attendance.approximate',
  'person', 'person.title', 'person.office', 'person.organisation', 'person.role', 'person.known',
  'organisation',
] as const;
export type Field = (typeof fields)[number];

/** Fields whose claims are records of their own: a wrong one is an invented series, person or organisation. */
export const entityFields: readonly Field[] = ['series.name', 'person', 'organisation'];

export type Tally = { listed: number; found: number; claimed: number; correct: number };

/** A listed fact the draft does not state (with what it states instead, if anything). */
export type Miss = { page: string; field: Field; expected: string; claimed?: string };
/** A claimed fact the key does not list. */
export type FalseClaim = { page: string; field: Field; claimed: string };

export type PageScore = { page: string; tallies: Record<Field, Tally>; misses: Miss[]; falseClaims: FalseClaim[] };

const text = (value: string) => foldedWords(value.replace(/[“”"‘’']/g, '')).join(' ');

/** "Western Cape Provincial SMS Conference" and "Western Cape Senior Management Service Conference" are one name. */
const seriesName = (value: string) =>
  text(value)
    .replace(/\bsms\b/g, 'senior management service')
    .replace(/\bsenior management service senior management service\b/g, 'senior management service')
    .split(' ')
    .filter((word) => !['the', 'annual', 'provincial', 'province'].includes(word))
    .join(' ');

const office = (value: string) => {
  const { key, acting } = normaliseTitle(value);
  return `${acting ? 'acting ' : ''}${key}`;
};

const honorific = (value: string) => canonicalHonorific(value) ?? value;

/** "Western Cape Government" is how that province brands its government: a provincial government, for matching. */
function kindOf(name: string): string {
  const province = provinceIn(name);
  if (province && new RegExp(`^${province}(?: Provincial)? Government$`, 'i').test(name.trim())) return 'PROVINCIAL_GOVERNMENT';
  return classifyOrganisation(name).kind;
}

class PageScorer {
  readonly tallies = Object.fromEntries(fields.map((field) => [field, { listed: 0, found: 0, claimed: 0, correct: 0 }])) as Record<Field, Tally>;
  readonly misses: Miss[] = [];
  readonly falseClaims: FalseClaim[] = [];

  constructor(readonly page: string) {}

  /** One listed fact, against what the draft claims for it (undefined: nothing). */
  single(field: Field, expected: string | undefined, claimed: string | undefined, same: (value: string) => string = text): void {
    if (expected !== undefined) this.listed(field, expected, claimed !== undefined && same(claimed) === same(expected), claimed);
    if (claimed !== undefined) this.claimed(field, claimed, expected !== undefined && same(claimed) === same(expected));
  }

  /** Listed and claimed values of a field that holds several. */
  several(field: Field, expected: string[], claimed: string[], same: (value: string) => string = text): void {
    const claimedKeys = new Set(claimed.map(same));
    const expectedKeys = new Set(expected.map(same));
    for (const value of expected) this.listed(field, value, claimedKeys.has(same(value)));
    for (const value of claimed) this.claimed(field, value, expectedKeys.has(same(value)));
  }

  listed(field: Field, expected: string, found: boolean, claimed?: string): void {
    this.tallies[field].listed += 1;
    if (found) this.tallies[field].found += 1;
    else this.misses.push({ page: this.page, field, expected, ...(claimed !== undefined ? { claimed } : {}) });
  }

  claimed(field: Field, claimed: string, correct: boolean): void {
    this.tallies[field].claimed += 1;
    if (correct) this.tallies[field].correct += 1;
    else this.falseClaims.push({ page: this.page, field, claimed });
  }
}

const written = (person: ClaimedPerson) => [person.honorific, person.givenNames ?? person.initials, person.surname].filter(Boolean).join(' ');

/** Pairs each listed person with the claimed one of a compatible name, the closest forenames first. */
function pairPeople(expected: ExpectedPerson[], claimed: ClaimedPerson[]): Map<ExpectedPerson, ClaimedPerson> {
  const pairs = new Map<ExpectedPerson, ClaimedPerson>();
  const taken = new Set<ClaimedPerson>();
  for (const person of expected) {
    const name = parsePersonName(`${person.title ?? ''} ${person.name}`);
    let best: { claimed: ClaimedPerson; strength: number } | undefined;
    for (const candidate of claimed) {
      if (taken.has(candidate)) continue;
      const comparison = compareNames(name, candidate);
      if (comparison.conflict !== undefined) continue;
      if (!best || FORENAME_STRENGTH[comparison.forenames] > best.strength) best = { claimed: candidate, strength: FORENAME_STRENGTH[comparison.forenames] };
    }
    if (best) {
      pairs.set(person, best.claimed);
      taken.add(best.claimed);
    }
  }
  return pairs;
}

export function scorePage(page: string, key: AnswerKey, claims: Claims, known: Map<string, string>): PageScore {
  const score = new PageScorer(page);

  const expectedConference = key.conference ?? undefined;
  const conference = claims.conference;
  score.single('series.name', expectedConference?.series.name, conference?.series.name, seriesName);
  score.single('series.sphere', expectedConference?.series.sphere, conference?.series.sphere);
  score.single('series.province', expectedConference?.series.province, conference?.series.province);
  score.single('year', expectedConference && String(expectedConference.year), conference && String(conference.year));
  score.single('startDate', expectedConference?.startDate, conference?.startDate);
  score.single('endDate', expectedConference?.endDate, conference?.endDate);
  score.single('venue', expectedConference?.venue, conference?.venue);
  score.single('town', expectedConference?.town, conference?.town);
  score.single('theme', expectedConference?.theme, conference?.theme);
  score.several('subTheme', expectedConference?.subThemes ?? [], conference?.subThemes ?? []);
  const attendance = conference?.attendance;
  score.single('attendance.figure', expectedConference?.attendance && String(expectedConference.attendance.figure), attendance && String(attendance.figure));
  score.single(
    'attendance.approximate',
    expectedConference?.attendance && String(expectedConference.attendance.approximate),
    attendance?.approximate === undefined ? undefined : String(attendance.approximate),
  );

  // Organisations: the key's list is the known set the claimed names must resolve to.
  const resolve = createOrganisationResolver(
    key.organisations.map((organisation, index) => ({
      key: String(index),
      name: organisation.name,
      aliases: [],
      kind: kindOf(organisation.name),
      ...(organisation.acronym ? { acronym: organisation.acronym } : {}),
    })),
  );
  const indexOf = (organisation: ClaimedOrganisation): string | undefined =>
    [organisation.name, organisation.acronym, ...organisation.aliases]
      .filter((name): name is string => name !== undefined)
      .map((name) => resolve(name)?.key)
      .find((found) => found !== undefined);
  const expectedIndex = (name: string) =>
    String(key.organisations.findIndex((organisation) => organisation.name === name || organisation.acronym === name));
  const foundOrganisations = new Set(claims.organisations.map(indexOf).filter((index) => index !== undefined));
  key.organisations.forEach((organisation, index) => score.listed('organisation', organisation.name, foundOrganisations.has(String(index))));
  for (const organisation of claims.organisations) score.claimed('organisation', organisation.name, indexOf(organisation) !== undefined);

  const pairs = pairPeople(key.people, claims.people);
  for (const person of key.people) {
    const claimed = pairs.get(person);
    score.listed('person', `${person.title ?? ''} ${person.name}`.trim(), claimed !== undefined);
    if (person.title) score.listed('person.title', `${person.name}: ${person.title}`, claimed?.honorific !== undefined && honorific(claimed.honorific) === honorific(person.title), claimed?.honorific);
    if (person.office) {
      const offices = claimed?.offices.map((entry) => entry.title) ?? [];
      score.listed('person.office', `${person.name}: ${person.office}`, offices.some((title) => office(title) === office(person.office!)), offices.join('; ') || undefined);
    }
    if (person.organisation) {
      const organisations = claimed?.offices.flatMap((entry) => (entry.organisation ? [entry.organisation] : [])) ?? [];
      const wanted = expectedIndex(person.organisation);
      score.listed(
        'person.organisation',
        `${person.name}: ${person.organisation}`,
        organisations.some((organisation) => indexOf(organisation) === wanted),
        organisations.map((organisation) => organisation.name).join('; ') || undefined,
      );
    }
    for (const role of person.roles) score.listed('person.role', `${person.name}: ${role}`, claimed?.roles.has(role) ?? false);
    if (person.known) score.listed('person.known', `${person.name}: ${person.known}`, claimed !== undefined && known.get(claimed.key) === person.known, claimed && known.get(claimed.key));
  }
  const expectedOf = new Map([...pairs].map(([expected, claimed]) => [claimed, expected]));
  for (const person of claims.people) {
    const expected = expectedOf.get(person);
    const name = written(person);
    score.claimed('person', name, expected !== undefined);
    if (person.honorific) score.claimed('person.title', `${name}: ${person.honorific}`, expected?.title !== undefined && honorific(expected.title) === honorific(person.honorific));
    for (const entry of person.offices) {
      score.claimed('person.office', `${name}: ${entry.title}`, expected?.office !== undefined && office(entry.title) === office(expected.office));
      if (entry.organisation) {
        const correct = expected?.organisation !== undefined && indexOf(entry.organisation) === expectedIndex(expected.organisation);
        score.claimed('person.organisation', `${name}: ${entry.organisation.name}`, correct);
      }
    }
    for (const role of person.roles) score.claimed('person.role', `${name}: ${role}`, expected?.roles.includes(role) ?? false);
    const link = known.get(person.key);
    if (link) score.claimed('person.known', `${name}: ${link}`, expected?.known === link);
  }
  return { page, tallies: score.tallies, misses: score.misses, falseClaims: score.falseClaims };
}
