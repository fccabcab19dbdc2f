import { compactKey } from './fold.js';
import { compareNames, FORENAME_STRENGTH, type ForenameAgreement, type NameComparison } from './name-compare.js';
import { officesOf, type HonorificAgreement } from './honorific.js';
import { parsePersonName, type PersonName } from './person-name.js';
import { normaliseTitle } from './position-title.js';

export interface PersonPosition {
  title?: string;
  /** A known organisation's key; for incoming people, what resolveOrganisation found. */
  organisationKey?: string;
}

/** What is known of a person on either side: the name, other spellings, positions. */
export interface PersonEvidence extends PersonName {
  /** Other spellings of the name, as sources write them ("Ms C Clark"). */
  aliases?: readonly string[];
  positions: readonly PersonPosition[];
}

export type MatchDecision = 'SAME' | 'POSSIBLE' | 'DIFFERENT';

export interface PersonMatch {
  /** 0..1: how much evidence says one person; 0 when something says two. */
  score: number;
  decision: MatchDecision;
  /** What the score and decision rest on, for the curator and for PossibleDuplicate.reasons. */
  reasons: string[];
}

/** What each piece of evidence adds to the score. The surname is required, so it is the base. */
export const PERSON_WEIGHTS = {
  surname: 0.4,
  forenames: { identical: 0.35, full: 0.2, partial: 0.1, weak: 0, none: 0 } satisfies Record<ForenameAgreement, number>,
  honorific: { same: 0.05, compatible: 0.05, unknown: 0, different: -0.05, conflict: 0 } satisfies Record<HonorificAgreement, number>,
  sharedOrganisation: 0.2,
  sharedTitle: 0.1,
  /** Title and organisation in the same position, beyond each counted alone. */
  samePosition: 0.05,
  /** Both sides state organisations and none is shared: people move, but it is a point against. */
  organisationConflict: -0.1,
} as const;

/** SAME needs this score as well as one of the SAME rules (see sameRule). */
export const SAME_THRESHOLD = 0.75;
/** Below this, a name-compatible candidate is too weak a suggestion to show a curator: DIFFERENT. */
export const POSSIBLE_THRESHOLD = 0.35;

interface PositionEvidence {
  sharedOrganisation: boolean;
  sharedTitle: boolean;
  samePosition: boolean;
  organisationConflict: boolean;
  reasons: string[];
}

/** Office honorifics ("Commissioner K Mashigo") state a title as surely as a position line does. */
function positionsOf(person: PersonEvidence): PersonPosition[] {
  return [...person.positions, ...officesOf(person.honorific).map((title) => ({ title }))];
}

function comparePositions(incoming: PersonEvidence, existing: PersonEvidence): PositionEvidence {
  const left = positionsOf(incoming);
  const right = positionsOf(existing);
  const reasons: string[] = [];

  const leftOrganisations = new Set(left.flatMap((position) => position.organisationKey ?? []));
  const rightOrganisations = new Set(right.flatMap((position) => position.organisationKey ?? []));
  const shared = [...leftOrganisations].filter((key) => rightOrganisations.has(key));
  if (shared.length > 0) reasons.push(`same organisation: ${shared.join(', ')}`);
  const organisationConflict = shared.length === 0 && leftOrganisations.size > 0 && rightOrganisations.size > 0;
  if (organisationConflict) {
    reasons.push(`no organisation in common (${[...leftOrganisations].join(', ')} vs ${[...rightOrganisations].join(', ')})`);
  }

  let sharedTitle = false;
  let samePosition = false;
  const titlesSeen = new Set<string>();
  for (const a of left) {
    const titleA = normaliseTitle(a.title);
    if (!titleA.key) continue;
    for (const b of right) {
      const titleB = normaliseTitle(b.title);
      if (titleA.key !== titleB.key) continue;
      sharedTitle = true;
      const together = a.organisationKey !== undefined && a.organisationKey === b.organisationKey;
      samePosition ||= together;
      const note = `same title: ${b.title}${together ? ` at ${b.organisationKey}` : ''}${titleA.acting !== titleB.acting ? ' (acting on one side)' : ''}`;
      if (!titlesSeen.has(note)) reasons.push(note);
      titlesSeen.add(note);
    }
  }
  return { sharedOrganisation: shared.length > 0, sharedTitle, samePosition, organisationConflict, reasons };
}

/** The name and every alias, each as parsed parts; an alias that does not parse is simply no evidence. */
function namesOf(person: PersonEvidence): Array<{ name: PersonName; alias?: string }> {
  const names: Array<{ name: PersonName; alias?: string }> = [{ name: person }];
  for (const alias of person.aliases ?? []) {
    try {
      names.push({ name: parsePersonName(alias), alias });
    } catch {
      // Blank or unreadable: ignore.
    }
  }
  return names;
}

/**
 * Every surname key under which a person can match: the surname and each
 * alias's, folded to ignore case, accents, spaces and hyphens, plus the
 * compound readings of unmarked names ("Geraldine Fraser Moleketi" also
 * files under "frasermoleketi"). A caller that loads candidates by surname
 * should load every person sharing any of these keys, or scorePersonMatch
 * never sees the matches that aliases and compound surnames allow.
 */
export function surnameKeysOf(person: PersonEvidence): string[] {
  const keys = new Set<string>();
  for (const { name } of namesOf(person)) {
    const given = (name.givenNames ?? '').split(/\s+/).filter(Boolean);
    for (let moved = 0; moved <= given.length; moved += 1) {
      keys.add(compactKey([...given.slice(given.length - moved), name.surname].join(' ')));
    }
  }
  keys.delete('');
  return [...keys];
}

const HONORIFIC_RANK: Readonly<Record<HonorificAgreement, number>> = { same: 3, compatible: 2, unknown: 1, different: 0, conflict: -1 };

/**
 * Compares every spelling of one with every spelling of the other. Spellings
 * with another surname (a maiden name) simply do not apply; but a spelling
 * with the same surname and conflicting initials or gender is a conflict even
 * if another spelling agrees, so a bare alias like "Ms Dlamini" cannot hide
 * a clash between "T M" and "S".
 */
function bestNameComparison(incoming: PersonEvidence, existing: PersonEvidence): NameComparison & { via?: string } {
  let best: (NameComparison & { via?: string }) | undefined;
  let surnameConflict: NameComparison | undefined;
  for (const a of namesOf(incoming)) {
    for (const b of namesOf(existing)) {
      const comparison = compareNames(a.name, b.name);
      const via = [a.alias, b.alias].filter(Boolean).map((alias) => `"${alias}"`).join(' and ');
      if (comparison.conflict !== undefined) {
        if (comparison.conflictOn !== 'surname') return { ...comparison, conflict: `${comparison.conflict}${via ? ` (alias ${via})` : ''}` };
        surnameConflict ??= comparison;
        continue;
      }
      const better =
        !best ||
        best.conflict !== undefined ||
        FORENAME_STRENGTH[comparison.forenames] > FORENAME_STRENGTH[best.forenames] ||
        (comparison.forenames === best.forenames && HONORIFIC_RANK[comparison.honorific] > HONORIFIC_RANK[best.honorific]);
      if (better) best = via ? { ...comparison, via } : comparison;
    }
  }
  return best ?? surnameConflict!;
}

/**
 * The rule under which the evidence says one person, or undefined. A shared
 * organisation is stronger evidence than a shared title ("Director-General"
 * is held by dozens), so the less the names say, the more the positions must.
 */
function sameRule(forenames: ForenameAgreement, positions: PositionEvidence): string | undefined {
  const { sharedOrganisation, sharedTitle, organisationConflict } = positions;
  switch (forenames) {
    case 'identical':
      if (!organisationConflict) return 'identical names with initials and nothing against them';
      return undefined;
    case 'full':
      if (sharedOrganisation) return 'matching initials and organisation';
      if (sharedTitle && !organisationConflict) return 'matching initials and title';
      return undefined;
    case 'partial':
      return sharedOrganisation ? 'compatible initials and the same organisation' : undefined;
    case 'none':
      return sharedOrganisation && sharedTitle ? 'the same title at the same organisation' : undefined;
    case 'weak':
      return undefined;
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * Whether an incoming person (from a programme being imported) is an existing
 * Person. SAME: link to them. POSSIBLE: create a new Person and suggest this
 * one as a possible duplicate with the score. DIFFERENT: unrelated, or
 * evidence says two people (score 0).
 */
export function scorePersonMatch(incoming: PersonEvidence, existing: PersonEvidence): PersonMatch {
  const names = bestNameComparison(incoming, existing);
  if (names.conflict !== undefined) return { score: 0, decision: 'DIFFERENT', reasons: [names.conflict] };

  const positions = comparePositions(incoming, existing);
  const score = round(
    Math.min(
      1,
      Math.max(
        0,
        PERSON_WEIGHTS.surname +
          PERSON_WEIGHTS.forenames[names.forenames] +
          PERSON_WEIGHTS.honorific[names.honorific] +
          (positions.sharedOrganisation ? PERSON_WEIGHTS.sharedOrganisation : 0) +
          (positions.sharedTitle ? PERSON_WEIGHTS.sharedTitle : 0) +
          (positions.samePosition ? PERSON_WEIGHTS.samePosition : 0) +
          (positions.organisationConflict ? PERSON_WEIGHTS.organisationConflict : 0),
      ),
    ),
  );
  const reasons = [...names.reasons, ...(names.via ? [`by alias ${names.via}`] : []), ...positions.reasons];

  const rule = sameRule(names.forenames, positions);
  if (rule && score >= SAME_THRESHOLD) return { score, decision: 'SAME', reasons: [...reasons, `same person: ${rule}`] };
  if (score >= POSSIBLE_THRESHOLD) {
    const why = rule ? `score below ${SAME_THRESHOLD}` : 'not enough to be sure';
    return { score, decision: 'POSSIBLE', reasons: [...reasons, `possibly the same person: ${why}`] };
  }
  return { score, decision: 'DIFFERENT', reasons: [...reasons, `too little in common (score below ${POSSIBLE_THRESHOLD})`] };
}

export interface CandidateMatch<T> extends PersonMatch {
  candidate: T;
}

export interface BestPersonMatch<T> {
  /** The one existing person the incoming one is. */
  same?: CandidateMatch<T>;
  /** When there is no such person: candidates to suggest as possible duplicates, strongest first. Empty when `same` is set. */
  possible: Array<CandidateMatch<T>>;
}

/**
 * The existing person an incoming one is, if the evidence says so; otherwise
 * the possible ones by score (ties keep the candidates' order). Two candidates
 * equally SAME mean the knowledge base already holds a duplicate: neither is
 * chosen, both are offered as possible, and a curator decides.
 */
export function bestPersonMatch<T extends PersonEvidence>(incoming: PersonEvidence, candidates: readonly T[]): BestPersonMatch<T> {
  const matches = candidates.map((candidate) => ({ candidate, ...scorePersonMatch(incoming, candidate) }));
  const byScore = (a: CandidateMatch<T>, b: CandidateMatch<T>) => b.score - a.score;
  const same = matches.filter((match) => match.decision === 'SAME').sort(byScore);
  if (same.length === 1 || (same.length > 1 && same[0]!.score > same[1]!.score)) return { same: same[0]!, possible: [] };

  const demoted = same.map((match) => ({
    ...match,
    decision: 'POSSIBLE' as const,
    reasons: [...match.reasons, `ambiguous: ${same.length} candidates match equally well`],
  }));
  return { possible: [...demoted, ...matches.filter((match) => match.decision === 'POSSIBLE')].sort(byScore) };
}
