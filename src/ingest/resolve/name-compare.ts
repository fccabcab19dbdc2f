import { compactKey, fold } from './fold.js';
import { compareHonorifics, type HonorificAgreement } from './honorific.js';
import type { PersonName } from './person-name.js';

/**
 * How far two names' forenames agree, strongest first.
 * - identical: the same initials and given names, and compatible honorifics: the same name as written.
 * - full: every initial agrees ("Thandi M" and "T M").
 * - partial: one side has fewer initials ("T" and "T M"), or a given name is a short form of the other's ("Thandi" and "Thandiwe").
 * - weak: one side's initials are a later part of the other's ("M" and "T M"): perhaps a middle name used alone.
 * - none: one side states no forenames at all ("Adv Misser").
 */
export type ForenameAgreement = 'identical' | 'full' | 'partial' | 'weak' | 'none';

export const FORENAME_STRENGTH: Readonly<Record<ForenameAgreement, number>> = {
  identical: 4,
  full: 3,
  partial: 2,
  weak: 1,
  none: 0,
};

export type NameComparison =
  | { conflict: string; conflictOn: 'surname' | 'forenames' | 'honorific' }
  | { conflict?: undefined; forenames: ForenameAgreement; honorific: HonorificAgreement; reasons: string[] };

/** One forename: its initial, and the name itself when written in full (folded). */
interface Forename {
  initial: string;
  name?: string;
}

/** Pairs given names with the initials that stand for them ("Thandi" is the T of "T M"). */
function forenamesOf(name: PersonName): Forename[] {
  const given = (name.givenNames ?? '').split(/\s+/).map(compactKey).filter(Boolean);
  const letters = fold(name.initials ?? '').replace(/[^\p{L}]/gu, '').split('').filter(Boolean);
  if (letters.length === 0) return given.map((word) => ({ initial: word[0]!, name: word }));
  const forenames: Forename[] = letters.map((initial) => ({ initial }));
  let cursor = 0;
  for (const word of given) {
    const at = forenames.findIndex((forename, index) => index >= cursor && forename.initial === word[0] && !forename.name);
    if (at < 0) continue; // Initials that omit a given name: keep the initials, which say more about order.
    forenames[at]!.name = word;
    cursor = at + 1;
  }
  return forenames;
}

/** Positions in `longer` that `shorter` lines up with, in order, or undefined when it cannot. */
function alignment(shorter: string[], longer: string[]): number[] | undefined {
  const positions: number[] = [];
  let from = 0;
  for (const letter of shorter) {
    const at = longer.indexOf(letter, from);
    if (at < 0) return undefined;
    positions.push(at);
    from = at + 1;
  }
  return positions;
}

/** A folded given name as a reason shows it: "thandi" → "Thandi". */
function shown(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function initialsText(forenames: Forename[]): string {
  return forenames.map((forename) => forename.initial.toUpperCase()).join(' ');
}

function compareForenames(a: Forename[], b: Forename[]): { conflict: string } | { agreement: ForenameAgreement; reasons: string[] } {
  if (a.length === 0 || b.length === 0) return { agreement: 'none', reasons: [] };
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const positions = alignment(
    shorter.map((forename) => forename.initial),
    longer.map((forename) => forename.initial),
  );
  if (!positions) return { conflict: `initials ${initialsText(a)} and ${initialsText(b)} conflict` };

  let agreement: ForenameAgreement = positions.every((position, index) => position === index)
    ? shorter.length === longer.length
      ? 'full'
      : 'partial'
    : 'weak';
  const reasons =
    agreement === 'full'
      ? [`initials ${initialsText(a)} agree`]
      : [`initials ${initialsText(a)} and ${initialsText(b)} are compatible${agreement === 'weak' ? ' only if a later forename is used alone' : ''}`];

  let namesEqual = true;
  for (const [index, position] of positions.entries()) {
    const left = shorter[index]!.name;
    const right = longer[position]!.name;
    if (left === undefined || right === undefined) {
      if (left !== right) namesEqual = false;
      if (left ?? right) reasons.push(`given name ${shown((left ?? right)!)} fits initial ${shorter[index]!.initial.toUpperCase()}`);
      continue;
    }
    if (left === right) {
      reasons.push(`given name ${shown(left)} agrees`);
    } else if (left.startsWith(right) || right.startsWith(left)) {
      // "Thandi" for "Thandiwe", "Nomvula" shortened: common, but not the same spelling.
      namesEqual = false;
      if (agreement === 'full') agreement = 'partial';
      reasons.push(`given names ${shown(left)} and ${shown(right)} may be one name shortened`);
    } else {
      return { conflict: `given names ${shown(left)} and ${shown(right)} differ` };
    }
  }
  // Names one side writes beyond what the other states are not compared; they make the names unequal.
  if (longer.length !== shorter.length) namesEqual = false;
  if (agreement === 'full' && namesEqual) agreement = 'identical';
  return { agreement, reasons };
}

/**
 * A compound surname may be read as a given name plus surname when nothing
 * marks it ("Geraldine Fraser Moleketi"). When the surnames differ, try moving
 * the last given names of one side into its surname. Only for names whose
 * initials come from their given names alone, so no initial is lost.
 */
function alignSurnames(a: PersonName, b: PersonName): [PersonName, PersonName, string?] | undefined {
  if (compactKey(a.surname) === compactKey(b.surname)) return [a, b];
  for (const [x, y, flip] of [[a, b, false], [b, a, true]] as const) {
    const given = (x.givenNames ?? '').split(/\s+/).filter(Boolean);
    const derived = given.map((word) => compactKey(word)[0]).join('');
    if (x.initials && fold(x.initials).replace(/[^\p{L}]/gu, '') !== derived) continue;
    for (let moved = 1; moved <= given.length; moved += 1) {
      const surname = [...given.slice(given.length - moved), x.surname].join(' ');
      if (compactKey(surname) !== compactKey(y.surname)) continue;
      const rest = given.slice(0, given.length - moved);
      const adjusted: PersonName = {
        ...(x.honorific ? { honorific: x.honorific } : {}),
        ...(rest.length > 0 ? { givenNames: rest.join(' '), initials: rest.map((word) => compactKey(word)[0]!.toUpperCase()).join(' ') } : {}),
        surname,
      };
      const note = `"${surname}" read as one surname`;
      return flip ? [y, adjusted, note] : [adjusted, y, note];
    }
  }
  return undefined;
}

/**
 * Compares two names. Surnames must agree ignoring case, accents, hyphens and
 * spaces; conflicting initials or given names, or honorifics of different
 * genders, are conflicts: evidence of two people, not a weak match.
 */
export function compareNames(a: PersonName, b: PersonName): NameComparison {
  const aligned = alignSurnames(a, b);
  if (!aligned) return { conflict: `surnames ${a.surname} and ${b.surname} differ`, conflictOn: 'surname' };
  const [left, right, note] = aligned;
  const reasons = [`surname ${right.surname} agrees${note ? ` (${note})` : ''}`];

  const honorific = compareHonorifics(left.honorific, right.honorific);
  if (honorific === 'conflict') {
    return { conflict: `honorifics ${left.honorific} and ${right.honorific} name different genders`, conflictOn: 'honorific' };
  }

  const forenames = compareForenames(forenamesOf(left), forenamesOf(right));
  if ('conflict' in forenames) return { conflict: forenames.conflict, conflictOn: 'forenames' };
  reasons.push(...forenames.reasons);

  if (honorific === 'same') {
    reasons.push(left.honorific === right.honorific ? `honorific ${left.honorific} agrees` : `honorifics ${left.honorific} and ${right.honorific} are compatible`);
  } else if (honorific === 'compatible') {
    reasons.push(`honorifics ${left.honorific} and ${right.honorific} are compatible`);
  } else if (honorific === 'different') {
    reasons.push(`honorifics ${left.honorific} and ${right.honorific} differ (titles change)`);
  }
  // An honorific that differs in rank ("Dr" and "Prof") makes the names unequal as written.
  const agreement = forenames.agreement === 'identical' && honorific === 'different' ? 'full' : forenames.agreement;
  if (agreement === 'identical') reasons.push('the names are identical');
  return { forenames: agreement, honorific, reasons };
}
