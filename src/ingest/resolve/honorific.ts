import { fold } from './fold.js';

/**
 * Honorifics as programmes write them, mapped to the one spelling we store.
 * Ms, Mrs and Miss stay distinct (a source's choice is a fact worth keeping);
 * they are only treated as compatible when matching. Offices that programmes
 * put before a name ("Minister", "MEC", "Commissioner") are included because
 * they stand where an honorific stands; see OFFICE_HONORIFICS.
 */
const CANONICAL: ReadonlyMap<string, string> = new Map([
  ['prof', 'Prof'],
  ['professor', 'Prof'],
  ['dr', 'Dr'],
  ['doctor', 'Dr'],
  ['mr', 'Mr'],
  ['mister', 'Mr'],
  ['ms', 'Ms'],
  ['mrs', 'Mrs'],
  ['miss', 'Miss'],
  ['adv', 'Adv'],
  ['advocate', 'Adv'],
  ['commissioner', 'Commissioner'],
  ['hon', 'Hon'],
  ['honourable', 'Hon'],
  ['honorable', 'Hon'],
  ['judge', 'Judge'],
  ['justice', 'Justice'],
  ['rev', 'Rev'],
  ['revd', 'Rev'],
  ['reverend', 'Rev'],
  ['minister', 'Minister'],
  ['deputy minister', 'Deputy Minister'],
  ['premier', 'Premier'],
  ['mec', 'MEC'],
  ['mayor', 'Mayor'],
  ['executive mayor', 'Executive Mayor'],
  ['cllr', 'Cllr'],
  ['councillor', 'Cllr'],
  ['chief', 'Chief'],
  ['kgosi', 'Kgosi'],
  ['inkosi', 'Inkosi'],
  ['sir', 'Sir'],
  ['dame', 'Dame'],
]);

/** The longest honorific in CANONICAL, in words; the parser tries phrases this long first. */
export const LONGEST_HONORIFIC_WORDS = 2;

/** Honorifics that are also the title of an office; matching treats them as a stated position title. */
const OFFICE_HONORIFICS: ReadonlySet<string> = new Set([
  'Commissioner',
  'Minister',
  'Deputy Minister',
  'Premier',
  'MEC',
  'Mayor',
  'Executive Mayor',
  'Cllr',
]);

/** Honorifics that state a gender: the only honorific difference that says two people differ. */
const MALE: ReadonlySet<string> = new Set(['Mr', 'Sir']);
const FEMALE: ReadonlySet<string> = new Set(['Ms', 'Mrs', 'Miss', 'Dame']);

/** The stored spelling of one honorific phrase ("Professor", "prof." → "Prof"), or undefined if it is not one. */
export function canonicalHonorific(phrase: string): string | undefined {
  return CANONICAL.get(fold(phrase).replace(/\./g, '').replace(/\s+/g, ' ').trim());
}

/**
 * The honorifics of a stored or incoming honorific string. Stacked honorifics
 * ("Hon Dr") are kept as one string by the parser; this splits them again.
 * Unknown words are kept as written so that two unknown titles can still agree.
 */
export function honorificsOf(honorific: string | undefined): string[] {
  if (!honorific) return [];
  const words = honorific.split(/\s+/).filter(Boolean);
  const result: string[] = [];
  for (let i = 0; i < words.length; ) {
    const pair = i + 1 < words.length ? canonicalHonorific(`${words[i]} ${words[i + 1]}`) : undefined;
    if (pair) {
      result.push(pair);
      i += 2;
    } else {
      result.push(canonicalHonorific(words[i]!) ?? words[i]!);
      i += 1;
    }
  }
  return result;
}

/** Office titles implied by an honorific ("Commissioner K Mashigo" holds the office of Commissioner). */
export function officesOf(honorific: string | undefined): string[] {
  return honorificsOf(honorific).filter((value) => OFFICE_HONORIFICS.has(value));
}

export type HonorificAgreement =
  /** Neither or only one side has an honorific: nothing to compare. */
  | 'unknown'
  /** The same honorifics, counting Ms, Mrs and Miss as one. */
  | 'same'
  /** Some honorific in common ("Hon Dr" and "Dr"). */
  | 'compatible'
  /** Nothing in common but no contradiction ("Dr" and "Prof": titles change). */
  | 'different'
  /** One says a man, the other a woman ("Mr" and "Ms"). */
  | 'conflict';

function genderOf(values: string[]): 'male' | 'female' | undefined {
  if (values.some((value) => MALE.has(value))) return 'male';
  if (values.some((value) => FEMALE.has(value))) return 'female';
  return undefined;
}

/** Ms, Mrs and Miss are one person's choices over a lifetime, so they compare as one. */
function comparable(value: string): string {
  return FEMALE.has(value) && value !== 'Dame' ? 'Ms' : value;
}

export function compareHonorifics(a: string | undefined, b: string | undefined): HonorificAgreement {
  const left = honorificsOf(a);
  const right = honorificsOf(b);
  if (left.length === 0 || right.length === 0) return 'unknown';
  const leftGender = genderOf(left);
  const rightGender = genderOf(right);
  if (leftGender && rightGender && leftGender !== rightGender) return 'conflict';
  const leftSet = new Set(left.map(comparable));
  const rightSet = new Set(right.map(comparable));
  const shared = [...leftSet].filter((value) => rightSet.has(value)).length;
  if (shared === leftSet.size && shared === rightSet.size) return 'same';
  return shared > 0 ? 'compatible' : 'different';
}
