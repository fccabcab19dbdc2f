/**
 * Dates as the publishers write them: "12 Sep 2007 - 14 Sep 2007",
 * "12 to 14 September 2007", "20-21 September 2006", "30 September - 2 October 2008",
 * "Wednesday, 17 September 2008", "September 20-21, 2006", "2008-09-17".
 */

/** A period in ISO form; one day has start = end. */
export type DateRange = { start: string; end: string };

/** The text is written as a date but names no real day, or a weekday that does not match. */
export type DateProblem = { problem: string };

const monthNumbers: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weekdayPattern = /\b(sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?:day|nesday|sday|urday|rsday)?\b\.?/gi;

const D = '(\\d{1,2})';
const M = '([a-z]+)';
const Y = '(\\d{4})';
const TO = '\\s*(?:-|to|until|till)\\s*';
const AND = '\\s*(?:-|to|until|till|and|&)\\s*';

type Parts = { day: string; month: string; year: string };

/** Each form, matched against the whole text, and how its groups map to the two dates. */
const forms: Array<{ pattern: RegExp; parts: (m: string[]) => [Parts, Parts] }> = [
  { pattern: new RegExp(`^${D} ${M} ${Y}${TO}${D} ${M} ${Y}$`), parts: (m) => [{ day: m[1]!, month: m[2]!, year: m[3]! }, { day: m[4]!, month: m[5]!, year: m[6]! }] },
  { pattern: new RegExp(`^${D} ${M}${TO}${D} ${M} ${Y}$`), parts: (m) => [{ day: m[1]!, month: m[2]!, year: m[5]! }, { day: m[3]!, month: m[4]!, year: m[5]! }] },
  { pattern: new RegExp(`^${D}${AND}${D} ${M} ${Y}$`), parts: (m) => [{ day: m[1]!, month: m[3]!, year: m[4]! }, { day: m[2]!, month: m[3]!, year: m[4]! }] },
  { pattern: new RegExp(`^${D} ${M} ${Y}$`), parts: (m) => [{ day: m[1]!, month: m[2]!, year: m[3]! }, { day: m[1]!, month: m[2]!, year: m[3]! }] },
  { pattern: new RegExp(`^${M} ${D}${AND}${D} ${Y}$`), parts: (m) => [{ day: m[2]!, month: m[1]!, year: m[4]! }, { day: m[3]!, month: m[1]!, year: m[4]! }] },
  { pattern: new RegExp(`^${M} ${D} ${Y}$`), parts: (m) => [{ day: m[2]!, month: m[1]!, year: m[3]! }, { day: m[2]!, month: m[1]!, year: m[3]! }] },
];

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:\s*(?:-|to)\s*(\d{4})-(\d{2})-(\d{2}))?$/;

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO date, or why the written parts name no real day; undefined when a word is no month. */
function toIso(day: number, month: number | undefined, year: number): string | DateProblem | undefined {
  if (month === undefined) return undefined;
  const last = daysIn(month, year);
  if (day < 1 || day > last) {
    return { problem: `${day} ${monthNames[month - 1]} ${year} is not a calendar date (${monthNames[month - 1]} ${year} has ${last} days)` };
  }
  return iso(year, month, day);
}

function normalise(text: string): { text: string; weekdays: string[] } {
  const weekdays = [...text.matchAll(weekdayPattern)].map((match) => match[1]!.slice(0, 3).toLowerCase());
  const rest = text
    .toLowerCase()
    .replace(weekdayPattern, ' ')
    .replace(/[–—]/g, '-')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/[,.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: rest, weekdays };
}

function weekdayProblem(dates: string[], weekdays: string[]): DateProblem | undefined {
  if (weekdays.length === 0 || weekdays.length > dates.length) return undefined;
  const checked = weekdays.length === 1 ? [dates[0]!] : dates;
  for (const [index, date] of checked.entries()) {
    const actual = weekdayNames[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
    const written = weekdayNames.find((name) => name.slice(0, 3).toLowerCase() === weekdays[index])!;
    if (actual !== written) return { problem: `${date} was a ${actual}, not a ${written}` };
  }
  return undefined;
}

/**
 * Reads a date or a period written in full. Returns undefined when the text is
 * not shaped like a date at all, and a problem when it is shaped like one but
 * names an impossible day (31 September), a wrong weekday or a period that ends
 * before it starts.
 */
export function parseDateRange(written: string): DateRange | DateProblem | undefined {
  const { text, weekdays } = normalise(written);
  let read: [string | DateProblem | undefined, string | DateProblem | undefined] | undefined;
  const isoMatch = isoPattern.exec(text);
  if (isoMatch) {
    const [, y1, m1, d1, y2, m2, d2] = isoMatch;
    const start = toIso(Number(d1), Number(m1) >= 1 && Number(m1) <= 12 ? Number(m1) : undefined, Number(y1));
    read = [start, y2 ? toIso(Number(d2), Number(m2) >= 1 && Number(m2) <= 12 ? Number(m2) : undefined, Number(y2)) : start];
  } else {
    for (const form of forms) {
      const match = form.pattern.exec(text);
      if (!match) continue;
      const [from, to] = form.parts(match);
      read = [from, to].map((parts) => toIso(Number(parts.day), monthNumbers[parts.month], Number(parts.year))) as typeof read;
      break;
    }
  }
  if (!read || read[0] === undefined || read[1] === undefined) return undefined;
  const [start, end] = read;
  if (typeof start !== 'string') return start;
  if (typeof end !== 'string') return end;
  if (end < start) return { problem: `the period ends (${end}) before it starts (${start})` };
  return weekdayProblem(start === end ? [start] : [start, end], weekdays) ?? { start, end };
}

export function isDateProblem(reading: DateRange | DateProblem | undefined): reading is DateProblem {
  return reading !== undefined && 'problem' in reading;
}
