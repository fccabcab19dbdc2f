import { fold } from './fold.js';
import { canonicalHonorific, LONGEST_HONORIFIC_WORDS } from './honorific.js';

/** A person's name in the parts the Person entity stores. */
export interface PersonName {
  /** Normalised ("Prof", "Dr", "Ms", "Mrs", "Adv", "Commissioner"…); stacked ones joined by a space ("Hon Dr"). */
  honorific?: string;
  /** Given names written in full ("Thandi"); initials are not repeated here. */
  givenNames?: string;
  /** One capital per forename, in order, space-separated ("T M"), including those of givenNames. */
  initials?: string;
  surname: string;
}

/**
 * Surname particles. Programmes write them lower case after initials
 * ("Mr J van der Merwe"); we always store them so, and a particle starts the
 * surname when no initials mark where it begins ("Johan van der Merwe").
 */
const PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'du', 'le', 'la', 'ter', 'ten', 'te', 'da', 'dos', 'das', 'del',
]);

/**
 * The letters of a token that is written as initials: "T", "L.", "G.J.", and
 * two or three capitals ("GJ") unless the token ends the name, where it is
 * more likely a short surname in capitals ("Mr K NG").
 */
function initialsIn(token: string, endsName: boolean): string[] | undefined {
  if (/^\p{Lu}\.?$/u.test(token)) return [token[0]!];
  if (/^(\p{Lu}\.)+\p{Lu}?\.?$/u.test(token)) return token.replace(/\./g, '').split('');
  if (!endsName && /^\p{Lu}{2,3}$/u.test(token)) return token.split('');
  return undefined;
}

/** "DLAMINI" → "Dlamini", "FRASER-MOLEKETI" → "Fraser-Moleketi"; mixed case ("McDonald") is kept as written. */
function recase(word: string): string {
  if (word !== word.toUpperCase() || word === word.toLowerCase() || word.length < 2) return word;
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The capital that stands for a forename: its first letter without accent ("Émile" → "E"). */
function initialOf(word: string): string {
  return fold(word).replace(/[^\p{L}]/gu, '').charAt(0).toUpperCase();
}

/** Takes honorifics off the front, longest phrase first, always leaving `keep` words (the surname's). */
function takeHonorifics(tokens: string[], keep: number): { honorifics: string[]; rest: string[] } {
  const honorifics: string[] = [];
  let index = 0;
  // "The Hon" reads as "Hon".
  if (tokens.length > 2 && fold(tokens[0]!) === 'the' && canonicalHonorific(tokens[1]!)) index = 1;
  outer: while (index < tokens.length - keep) {
    for (let size = LONGEST_HONORIFIC_WORDS; size >= 1; size -= 1) {
      if (index + size > tokens.length - keep) continue;
      const found = canonicalHonorific(tokens.slice(index, index + size).join(' '));
      if (found) {
        honorifics.push(found);
        index += size;
        continue outer;
      }
    }
    break;
  }
  return { honorifics, rest: tokens.slice(index) };
}

/** Splits forename tokens into full given names and the initials of all of them, in order. */
function forenames(tokens: string[]): { givenNames?: string; initials?: string } {
  const names: string[] = [];
  const letters: string[] = [];
  for (const token of tokens) {
    const initials = initialsIn(token, false);
    if (initials) {
      letters.push(...initials.map((letter) => fold(letter).toUpperCase()));
    } else {
      names.push(recase(token));
      letters.push(initialOf(token));
    }
  }
  return {
    ...(names.length > 0 ? { givenNames: names.join(' ') } : {}),
    ...(letters.length > 0 ? { initials: letters.join(' ') } : {}),
  };
}

function surnameOf(tokens: string[]): string {
  return tokens
    .map((token, index) => (index < tokens.length - 1 && PARTICLES.has(token.toLowerCase()) ? token.toLowerCase() : recase(token)))
    .join(' ');
}

function build(honorifics: string[], forenameTokens: string[], surnameTokens: string[]): PersonName {
  return {
    ...(honorifics.length > 0 ? { honorific: honorifics.join(' ') } : {}),
    ...forenames(forenameTokens),
    surname: surnameOf(surnameTokens),
  };
}

/**
 * Reads a person's name as programmes write it: "Professor Thandi M Dlamini",
 * "Prof T M Dlamini", "Ms GJ Fraser-Moleketi", "Adv Misser", "Mr L. Mthethwa",
 * "Mr J van der Merwe", and the surname-first "Dlamini, T M". Pass the name
 * alone; programme lines with positions go through parseProgrammeEntry.
 */
export function parsePersonName(text: string): PersonName {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    // Bullets and separators left over from the line the name was cut from.
    .replace(/^[\s•·*,:;–—-]+|[\s,:;–—-]+$/gu, '')
    // "Fraser - Moleketi" is one hyphenated surname.
    .replace(/\s*-\s*/g, '-');

  // "Surname, Forenames": the comma is the only sign of the order.
  const comma = cleaned.indexOf(',');
  if (comma >= 0) {
    const surnameTokens = cleaned.slice(0, comma).split(' ').filter(Boolean);
    if (surnameTokens.length === 0) throw new Error(`No surname in person name "${text}"`);
    // The surname stands before the comma, so every word after it may be an honorific.
    const { honorifics, rest } = takeHonorifics(cleaned.slice(comma + 1).split(/[\s,]+/).filter(Boolean), 0);
    return build(honorifics, rest, surnameTokens);
  }

  const tokens = cleaned.split(' ').filter(Boolean);
  if (tokens.length === 0) throw new Error(`No name in "${text}"`);
  const { honorifics, rest } = takeHonorifics(tokens, 1);

  // "Dlamini T M": initials after the surname, without a comma.
  let trailing = rest.length;
  while (trailing > 1 && /^(\p{Lu}\.?)+$/u.test(rest[trailing - 1]!) && rest[trailing - 1]!.replace(/\./g, '').length <= 1) {
    trailing -= 1;
  }
  if (trailing < rest.length) return build(honorifics, rest.slice(trailing), rest.slice(0, trailing));

  // After initials, every remaining word is surname ("Ms G J Fraser Moleketi");
  // without initials, a particle starts it, else the last word is the surname.
  let surnameStart = -1;
  for (let index = rest.length - 2; index >= 0; index -= 1) {
    if (initialsIn(rest[index]!, false)) {
      surnameStart = index + 1;
      break;
    }
  }
  if (surnameStart < 0) {
    const particle = rest.findIndex((token, index) => index < rest.length - 1 && PARTICLES.has(token.toLowerCase()));
    surnameStart = particle >= 0 ? particle : rest.length - 1;
  }
  return build(honorifics, rest.slice(0, surnameStart), rest.slice(surnameStart));
}
