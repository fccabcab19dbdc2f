import { clean, provinceIn, slugify } from './text.js';

/**
 * Person lines as the programmes write them:
 *   "Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)"
 *   "Dr E Ijeoma, Senior Lecturer University of Pretoria"
 *   "Commissioner K Mashigo, Public Service Commission"
 *   "Adv Misser", "Ms GJ Fraser-Moleketi"
 */

export type PersonName = {
  /** The name exactly as written (bullet, label and position removed). */
  written: string;
  honorific?: string;
  /** Space-separated: "G J" for "GJ". */
  initials?: string;
  givenNames?: string;
  surname: string;
};

export type OrganisationName = { name: string; acronym?: string };

export type Position = { title: string; acting: boolean; organisation?: OrganisationName };

export type PersonLine = {
  name: PersonName;
  position?: Position;
  /** What the line states that has no place in the draft, for the curator. */
  leftOut?: string;
  /** An organisation the line gives without a position title: still an organisation the page names. */
  organisation?: OrganisationName;
};

export type NotAPerson = { problem: string };

/** Longer forms first, so "Deputy Minister" wins over "Minister". */
const honorifics = [
  'Deputy President', 'Deputy Minister', 'Executive Mayor', 'Lt Gen', 'Maj Gen',
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Adv', 'Advocate', 'Commissioner', 'Judge', 'Justice',
  'Rev', 'Reverend', 'Hon', 'Honourable', 'Bishop', 'Minister', 'MEC', 'Premier', 'President', 'Mayor',
  'Councillor', 'Cllr', 'Gen', 'General', 'Brig', 'Col', 'Capt', 'Sir', 'Dame', 'Kgosi', 'Inkosi',
];

/** Honorifics that are also offices: "Commissioner K Mashigo, Public Service Commission" held the office of Commissioner there. */
const officeHonorifics = new Set(['Commissioner', 'Minister', 'Deputy Minister', 'MEC', 'Premier', 'President', 'Deputy President', 'Mayor', 'Executive Mayor', 'Judge', 'Councillor']);

const surnameParticles = new Set(['van', 'der', 'den', 'du', 'de', 'le', 'la', 'von', 'da', 'dos', 'ka', 'wa', 'te', 'ter']);

/** The last word of a job title; a capitalised word after it starts the organisation. */
const titleWords = new Set(
  (
    'director-general director lecturer officer manager commissioner minister professor chairperson chair chairman ' +
    'advisor adviser researcher dean secretary mec premier ceo coo cfo dg ddg coordinator co-ordinator consultant ' +
    'specialist analyst head president mayor speaker whip administrator registrar principal rector chancellor ' +
    'vice-chancellor fellow partner member ombud auditor-general protector editor trainer practitioner strategist ' +
    'economist counsellor councillor superintendent attorney accountant scientist inspector controller commander ' +
    'convener convenor'
  ).split(' '),
);

/** Words that make a phrase an organisation's name rather than a title. */
const organisationWords =
  /\b(?:University|Universiteit|Technikon|Department|Dept|Office|Centre|Center|Commission|Institute|Academy|Agency|Council|Municipality|Metro|Ministry|Presidency|Police|Forum|School|College|Company|Bank|Board|Authority|Corporation|Government|Treasury|Parliament|Legislature|Secretariat|Association|Trust|Foundation)\b/;

const acronymPattern = /^(.*?)\s*\(([A-Z][A-Za-z&]{1,11})\)$/;
const initialsToken = /^(?:[A-Z]\.?){1,3}$/;
const nameWord = /^[\p{Lu}][\p{L}'’.-]*$/u;

function matchHonorific(tokens: string[]): { honorific?: string; used: number } {
  for (const honorific of honorifics) {
    const words = honorific.split(' ');
    const written = tokens.slice(0, words.length).map((token) => token.replace(/\.$/, ''));
    if (written.length === words.length && written.every((word, index) => word.toLowerCase() === words[index]!.toLowerCase())) {
      return { honorific, used: words.length };
    }
  }
  return { used: 0 };
}

export function startsWithHonorific(text: string): boolean {
  return matchHonorific(clean(text).split(' ')).honorific !== undefined;
}

export function parsePersonName(text: string): PersonName | NotAPerson {
  const written = clean(text);
  const tokens = written.split(' ');
  const { honorific, used } = matchHonorific(tokens);
  let rest = tokens.slice(used);
  const initials: string[] = [];
  while (rest.length > 1 && initialsToken.test(rest[0]!)) {
    initials.push(...rest[0]!.replace(/\./g, '').split(''));
    rest = rest.slice(1);
  }
  if (rest.length === 0) return { problem: 'no surname' };
  if (!honorific && initials.length === 0) return { problem: 'not a person: no honorific (Ms, Dr, …) or initials' };
  if (!rest.every((word) => nameWord.test(word) || surnameParticles.has(word.toLowerCase()))) {
    return { problem: `not a person's name: "${written}"` };
  }
  let surnameStart = rest.length - 1;
  while (surnameStart > 0 && surnameParticles.has(rest[surnameStart - 1]!.toLowerCase())) surnameStart -= 1;
  const given = rest.slice(0, surnameStart);
  if (initials.length > 0 && given.length > 0) return { problem: `cannot tell initials, names and surname apart in "${written}"` };
  if (given.length > 3) return { problem: `too many words for a name: "${written}"` };
  return {
    written,
    ...(honorific ? { honorific } : {}),
    ...(initials.length > 0 ? { initials: initials.join(' ') } : {}),
    ...(given.length > 0 ? { givenNames: given.join(' ') } : {}),
    surname: rest.slice(surnameStart).join(' '),
  };
}

/** Surname then initials ("levin-r-m"), or then given names when no initials are written. */
export function personKey(name: PersonName): string {
  return slugify([name.surname, name.initials ?? name.givenNames ?? ''].join(' '));
}

export function parseOrganisationName(text: string): OrganisationName {
  const written = clean(text).replace(/[.;]+$/, '');
  const withAcronym = acronymPattern.exec(written);
  return withAcronym ? { name: withAcronym[1]!, acronym: withAcronym[2]! } : { name: written };
}

/** Commas outside brackets separate a position's parts: "Director-General, Department of X (DX)". */
function splitOnCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '(') depth += 1;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && character === ',') {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

function isTitleWord(word: string): boolean {
  return titleWords.has(word.replace(/[,.:;]+$/, '').toLowerCase());
}

function isOrganisation(text: string): boolean {
  return organisationWords.test(text) || provinceIn(text) !== undefined || /^[A-Z]{2,}$/.test(text) || acronymPattern.test(text);
}

/** "Senior Lecturer University of Pretoria" → title and organisation; either may be missing. */
function splitTitle(text: string): { title?: string; organisation?: string } {
  if (text.includes(':')) return { title: text };
  const words = text.split(' ');
  for (let end = words.length - 1; end >= 1; end -= 1) {
    if (isTitleWord(words[end - 1]!) && /^[\p{Lu}(]/u.test(words[end]!)) {
      return { title: words.slice(0, end).join(' '), organisation: words.slice(end).join(' ') };
    }
  }
  if (isTitleWord(words[0]!) || isTitleWord(words[words.length - 1]!) || /^acting\b/i.test(text)) return { title: text };
  return isOrganisation(text) ? { organisation: text } : { title: text };
}

/** "University of KwaZulu-": a name that ends in a hyphen was cut off with the page, and names nothing. */
function isCutOff(name: string | undefined): boolean {
  return name !== undefined && /-$/.test(name.trim());
}

function toPosition(title: string, written: string | undefined): Position {
  const organisation = isCutOff(written) ? undefined : written;
  const acting = /^acting\s+/i.test(title) || /\s*\(acting\)$/i.test(title);
  return {
    title: title.replace(/^acting\s+/i, '').replace(/\s*\(acting\)$/i, ''),
    acting,
    ...(organisation ? { organisation: parseOrganisationName(organisation) } : {}),
  };
}

/** Reads "Name[: or ,] Title[, Organisation]"; a position is kept only when it has a title. */
export function parsePersonLine(text: string): PersonLine | NotAPerson {
  const written = clean(text);
  const separator = written.search(/[:,]/);
  const name = parsePersonName(separator < 0 ? written : written.slice(0, separator));
  if ('problem' in name) return name;
  const positionText = separator < 0 ? '' : written.slice(separator + 1).trim().replace(/[.;]+$/, '');
  if (!positionText) return { name };
  const parts = splitOnCommas(positionText);
  const { title, organisation } =
    parts.length >= 2 ? { title: parts.slice(0, -1).join(', '), organisation: parts[parts.length - 1] } : splitTitle(positionText);
  // "Premier of Limpopo": the office names its organisation.
  if (title) return { name, position: organisation ? toPosition(title, organisation) : (parseOffice(title) ?? toPosition(title, undefined)) };
  if (name.honorific && officeHonorifics.has(name.honorific)) return { name, position: toPosition(name.honorific, organisation) };
  return {
    name,
    leftOut: `"${organisation}" is given without a position title, so no position was recorded`,
    ...(organisation && !isCutOff(organisation) ? { organisation: parseOrganisationName(organisation) } : {}),
  };
}

/** Honorifics that start a person's name in running prose; offices ("the Premier") there are offices, not names. */
const personalHonorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'adv', 'advocate', 'rev', 'reverend', 'hon', 'honourable', 'judge', 'justice', 'commissioner', 'cllr', 'councillor', 'kgosi', 'inkosi']);

/** A name found in prose: where it starts and ends in the text, and its parts. */
export type NameInText = { start: number; end: number; name: PersonName };

/**
 * The people a sentence names by honorific: "Professor Richard Levin",
 * "Ms GJ Fraser-Moleketi", "Dr Anne van Wyk". A capitalised word after an
 * honorific is only a name when the words form one (see parsePersonName).
 */
export function namesIn(text: string): NameInText[] {
  const found: NameInText[] = [];
  const words = [...text.matchAll(/[^\s,;:()"“”]+/g)];
  for (let index = 0; index < words.length; index += 1) {
    if (!personalHonorifics.has(words[index]![0].replace(/\.$/, '').toLowerCase())) continue;
    let last = index;
    for (let next = index + 1; next < words.length && next <= index + 5; next += 1) {
      const word = words[next]![0].replace(/[.]$/, '');
      const between = text.slice(words[next - 1]!.index + words[next - 1]![0].length, words[next]!.index);
      if (between.trim() !== '') break;
      if (!(nameWord.test(word) || initialsToken.test(word) || surnameParticles.has(word))) break;
      last = next;
    }
    if (last === index) continue;
    // A particle cannot end a name: "Dr Anne van" is not one.
    while (last > index && surnameParticles.has(words[last]![0])) last -= 1;
    const start = words[index]!.index;
    const end = words[last]!.index + words[last]![0].replace(/[.]$/, '').length;
    const name = parsePersonName(text.slice(start, end));
    if ('problem' in name) continue;
    found.push({ start, end, name });
    index = last;
  }
  return found;
}

/** "the Department of X", "the Western Cape", "SAPS": a phrase that names an organisation or a province. */
function namesOrganisation(text: string): boolean {
  const bare = text.replace(/^the\s+/i, '');
  // "the Provincial Treasury" does not say whose: it stays part of the office ("Head of the Provincial Treasury").
  if (/^provincial\b/i.test(bare) && !provinceIn(bare)) return false;
  return bare.split(' ').length >= 2 ? isOrganisation(bare) : /^[A-Z]{2,}$/.test(bare) || provinceIn(bare) === bare;
}

/**
 * An office as prose writes it, before or after a name: "Director-General of
 * the Department of Public Service and Administration", "Premier of the
 * Western Cape", "MEC for Finance in the Eastern Cape", "Director-General:
 * Public Service and Administration". A Director-General heads a department,
 * so what follows the colon is its department; after other titles the colon
 * names a branch, which stays part of the title. Undefined when the phrase
 * names no office.
 */
export function parseOffice(phrase: string): Position | undefined {
  const text = clean(phrase).replace(/^(?:the|a|an)\s+/i, '').replace(/[.,;]+$/, '');
  if (!text) return undefined;
  const words = text.split(' ');
  const headWords = text.split(/[:]|\s(?:of|in|at|for)\s/)[0]!.split(' ');
  if (!isTitleWord(headWords[headWords.length - 1]!) && !isTitleWord(words[0]!)) return undefined;
  for (const match of text.matchAll(/\s(?:of|in|at)\s/g)) {
    const rest = text.slice(match.index + match[0].length);
    if (namesOrganisation(rest)) return toPosition(text.slice(0, match.index), rest.replace(/^the\s+/i, ''));
  }
  const colon = /^((?:acting\s+)?director-general)\s*:\s*(.+)$/i.exec(text);
  if (colon) return toPosition(colon[1]!, colon[2]!);
  return toPosition(text, undefined);
}
