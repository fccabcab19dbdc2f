import { sentenceAt } from './text.js';

/**
 * Expected attendance as the pages state it: "±400" (or "\uFFFD400" where the
 * "±" was mis-encoded), "about 400", "400 delegates".
 */

/**
 * A count found in a passage, with where its wording starts so the sentence can be cited, whether it
 * was hedged ("±400", "about 400") and whether it tells who came (REPORTED) or who is expected.
 */
export type AttendanceMention = { count: number; index: number; approximate: boolean; kind: 'EXPECTED' | 'REPORTED' };

const number = '(\\d{1,3}(?:[ ,\\u00A0]\\d{3})+|\\d+)';
const approximately = '(?:±|\\uFFFD|\\+/-|\\+-|about|approximately|approx\\.?|around|some|roughly|nearly|almost|over|more than|at least|up to|close to|an estimated)';
const hedge = new RegExp(`^${approximately}`, 'i');
const attendees = '(?:delegates|participants|attendees|guests|officials|people|(?:senior |public |SMS )?(?:managers|members|officials))';

/** In prose the number must be hedged or followed by who attends, so that "8 Principles" or "2001" are not read. */
const inProse = [
  new RegExp(`${approximately}\\s*${number}(?=\\s+(?:\\S+\\s+){0,2}${attendees}\\b)`, 'i'),
  new RegExp(`(?<![\\d-])${number}\\s+${attendees}\\b`, 'i'),
  new RegExp(`\\battended by\\s+(?:${approximately}\\s*)?${number}\\b`, 'i'),
];

/** Past tense tells a count of who came; anything else ("will attend", "are expected") a count expected. */
const reported = /\b(?:was|were) attended\b|\battended by\b(?!.*\bwill\b)|\bare attending\b|\battended the\b/i;
const future = /\bwill\b|\bexpected\b|\bare to\b/i;

/** A labelled value ("Expected attendance: about 400") is a count by position, so any of the forms will do. */
const asValue = new RegExp(`^(?:${approximately}\\s*)?${number}(?:\\s+${attendees})?\\.?$`, 'i');

function toNumber(digits: string): number {
  return Number(digits.replace(/[ ,\u00A0]/g, ''));
}

function isYear(count: number): boolean {
  return count >= 1900 && count <= 2100;
}

export function findAttendance(passage: string): AttendanceMention | undefined {
  for (const pattern of inProse) {
    const match = pattern.exec(passage);
    if (!match) continue;
    const count = toNumber(match[1]!);
    if (count <= 0 || isYear(count)) continue;
    const approximate = hedge.test(match[0].replace(/^attended by\s+/i, '')) || /\b(?:about|approximately|around|some|nearly|almost|more than|close to)\s*$/i.test(passage.slice(0, match.index));
    const sentence = sentenceAt(passage, match.index);
    const kind = reported.test(sentence) && !future.test(sentence) ? 'REPORTED' : 'EXPECTED';
    return { count, index: match.index, approximate, kind };
  }
  return undefined;
}

export function parseAttendance(value: string): { count: number; approximate: boolean } | undefined {
  const match = asValue.exec(value.trim());
  const count = match ? toNumber(match[1]!) : 0;
  return count > 0 ? { count, approximate: hedge.test(value.trim()) } : undefined;
}
