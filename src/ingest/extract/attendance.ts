/**
 * Expected attendance as the pages state it: "±400" (or "\uFFFD400" where the
 * "±" was mis-encoded), "about 400", "400 delegates".
 */

/** A count found in a passage, with where its wording starts so the sentence can be cited. */
export type AttendanceMention = { count: number; index: number };

const number = '(\\d{1,3}(?:[ ,\\u00A0]\\d{3})+|\\d+)';
const approximately = '(?:±|\\uFFFD|\\+/-|\\+-|about|approximately|approx\\.?|around|some|roughly|nearly|almost|over|more than|at least|up to|an estimated)';
const attendees = '(?:delegates|participants|attendees|guests|officials|people|(?:senior |public |SMS )?(?:managers|members|officials))';

/** In prose the number must be hedged or followed by who attends, so that "8 Principles" or "2001" are not read. */
const inProse = [
  new RegExp(`${approximately}\\s*${number}(?=\\s+(?:\\S+\\s+){0,2}${attendees}\\b)`, 'i'),
  new RegExp(`(?<![\\d-])${number}\\s+${attendees}\\b`, 'i'),
];

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
    if (count > 0 && !isYear(count)) return { count, index: match.index };
  }
  return undefined;
}

export function parseAttendance(value: string): number | undefined {
  const match = asValue.exec(value.trim());
  const count = match ? toNumber(match[1]!) : 0;
  return count > 0 ? count : undefined;
}
