import { findAttendance, parseAttendance } from './attendance.js';
import { isDateProblem, parseDateRange, type DateRange } from './dates.js';
import { quote, unparsed, type Line, type SourceLines, type Unparsed } from './lines.js';
import { parseOrganisationName, parsePersonName } from './people.js';
import { hasVerb } from './sentences.js';
import { asSentence, capitaliseFirst, capitaliseSentences, clean, provinceIn, repairPlusMinus, sentenceAt, sentenceSpans } from './text.js';

/**
 * The descriptive part of a conference document: the heading, the labelled
 * details ("Date:", "Venue:", "Theme:", "Intended audiences:"), the background,
 * the objectives with their group headings, bookings, contacts and the
 * issuer. Media statements carry all of these; event pages carry the heading,
 * the details, the background and the objectives before their programme.
 */

/** A value with the verbatim excerpt it was read from. */
export type Cited<T = string> = { value: T; excerpt: string };

export type Objective = { group?: string; text: string; excerpt: string };

export type Contact = { name: string; phone?: string; email?: string; excerpt: string };

export type Statement = {
  /** The document's own heading. */
  title?: Cited;
  /** The heading that names the conference and its year. */
  conferenceTitle?: Cited;
  issuedOn?: Cited;
  dates?: Cited<DateRange>;
  venue?: Cited<{ name: string; city?: string }>;
  theme?: Cited;
  /** "Sub-theme 1: …" lines among the details, in order; a programme's day sub-themes are the programme's. */
  subThemes: Cited[];
  audience?: Cited;
  attendance?: Cited<{ count: number; approximate: boolean; kind: 'EXPECTED' | 'REPORTED' }>;
  /** One per paragraph, cited by its first sentence. */
  background: Cited[];
  /** Each paragraph of prose verbatim, for reading the facts its sentences state. */
  passages: string[];
  /** The place of a news article's dateline ("Bloemfontein, 10 September 2009"). */
  dateline?: Cited;
  focus?: Cited;
  /** The sentence introducing the objectives, and the group headings. */
  objectiveExcerpts: string[];
  objectives: Objective[];
  bookings?: Cited;
  contacts: Contact[];
  issuedBy?: Cited;
  link?: Cited<{ url: string; organisation?: string }>;
  unparsed: Unparsed[];
};

type Field =
  | 'date' | 'venue' | 'theme' | 'subTheme' | 'audience' | 'attendance' | 'contact' | 'phone' | 'fax' | 'email' | 'issued' | 'source'
  | Section;
type Section = 'background' | 'objectives' | 'bookings';

const fields: Record<string, Field> = {
  date: 'date', dates: 'date', 'conference date': 'date', 'conference dates': 'date',
  venue: 'venue', where: 'venue', location: 'venue', when: 'date',
  theme: 'theme', 'conference theme': 'theme',
  'sub-theme': 'subTheme', 'sub theme': 'subTheme', subtheme: 'subTheme',
  audience: 'audience', 'intended audience': 'audience', 'intended audiences': 'audience',
  'target audience': 'audience', 'target audiences': 'audience',
  attendance: 'attendance', 'expected attendance': 'attendance', 'number of delegates': 'attendance', delegates: 'attendance',
  contact: 'contact', contacts: 'contact', 'contact details': 'contact', 'contact person': 'contact',
  enquiries: 'contact', 'for enquiries': 'contact',
  tel: 'phone', telephone: 'phone', phone: 'phone', cell: 'phone', cellphone: 'phone', mobile: 'phone',
  fax: 'fax',
  email: 'email', 'e-mail': 'email',
  'issued by': 'issued',
  source: 'source',
  background: 'background',
  objectives: 'objectives', aims: 'objectives', 'aims and objectives': 'objectives',
  bookings: 'bookings', registration: 'bookings',
};

/** Fields that end a programme when a statement carries one: what follows describes the statement again. */
const closingFields = new Set<Field>(['contact', 'issued', 'source', 'bookings']);

const conferenceWords = /\b(?:conference|summit|lekgotla|indaba|symposium|workshop|retreat|colloquium|convention)\b/i;
const yearPattern = /\b(?:19|20)\d{2}\b/;

/** A label is only a label when it is one of the known ones; other colons are prose. */
export function fieldOf(line: Line): { field: Field; value: string } | undefined {
  if (line.bullet) return undefined;
  const labelled = /^([A-Za-z][A-Za-z -]{0,30}?)(?:\s+\d{1,2})?\s*:\s*(.*)$/.exec(line.content);
  const bare = /^([A-Za-z][A-Za-z ]{0,30})$/.exec(line.content);
  const [label, value] = labelled ? [labelled[1]!, labelled[2]!] : bare ? [bare[1]!, ''] : [];
  if (label === undefined) return undefined;
  const field = fields[label.toLowerCase().replace(/\s+/g, ' ')];
  if (!field) return undefined;
  // Bare words only act as section headings ("Background"), never as details ("Venue").
  if (!labelled && !['background', 'objectives', 'bookings', 'contact'].includes(field)) return undefined;
  return { field, value: value! };
}

export function closesProgramme(line: Line): boolean {
  const found = fieldOf(line);
  return found !== undefined && closingFields.has(found.field);
}

/** "Senior Management Service Conference 2011": the name of an edition, not a sentence or a headline about it. */
function isConferenceTitle(line: Line): boolean {
  const text = line.content;
  return conferenceWords.test(text) && yearPattern.test(text) && !/[.!?]$/.test(text) && text.split(' ').length <= 15 && !hasVerb(text);
}

/** A short line without sentence punctuation: a group heading or a site's category label. */
function isHeadingLike(line: Line): boolean {
  return (
    !line.bullet &&
    line.content.split(' ').length <= 6 &&
    /^[\p{Lu}\d]/u.test(line.content) &&
    !/[.:;,!?]$/.test(line.content) &&
    parseDateRange(line.content) === undefined
  );
}

function joined(lines: Line[]): string {
  return clean(lines.map((line) => line.content).join(' '));
}

function splitVenue(value: string): { name: string; city?: string } {
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return { name: value };
  // "Windmill Casino, Bloemfontein, Free State": the province after the city is not part of the venue's name.
  const withoutProvince = parts.length > 2 && provinceIn(parts[parts.length - 1]!) === parts[parts.length - 1] ? parts.slice(0, -1) : parts;
  return { name: withoutProvince.slice(0, -1).join(', '), city: withoutProvince[withoutProvince.length - 1]! };
}

export function parseStatement(source: SourceLines, lines: Line[]): Statement {
  const statement: Statement = { subThemes: [], background: [], passages: [], objectiveExcerpts: [], objectives: [], contacts: [], unparsed: [] };
  const skip = (line: Line, reason: string) => statement.unparsed.push(unparsed(source, line, reason));
  const cited = <T>(value: T, first: Line, last: Line = first): Cited<T> => ({ value, excerpt: quote(source, first, last) });

  /** Lines continuing the one at `index`: no blank line between, no bullet, no label. */
  const continuation = (index: number): number => {
    let end = index;
    while (end + 1 < lines.length) {
      const next = lines[end + 1]!;
      if (next.gap > 0 || next.bullet || fieldOf(next)) break;
      end += 1;
    }
    return end;
  };
  const nextIsBullet = (index: number) => lines[index + 1]?.bullet !== undefined;

  // The heading: everything before the first detail, bullet or paragraph of prose.
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (fieldOf(line) || line.bullet) break;
    const end = continuation(index);
    const text = joined(lines.slice(index, end + 1));
    // A sentence of some length is prose, however short its paragraph: a news article's first one.
    const isSentence = /[.!?]["”]?$/.test(text) && text.split(' ').length >= 8;
    if (text.split(' ').length > 30 || text.endsWith(':') || isSentence) break;
    index = end + 1;
  }
  const heading = lines.slice(0, index);
  const blocks: Line[][] = [];
  for (const line of heading) {
    if (line.gap > 0 || blocks.length === 0) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  }
  if (blocks[0]) statement.title = cited(joined(blocks[0]), blocks[0][0]!, blocks[0][blocks[0].length - 1]);
  const titleLine = [...heading].reverse().find(isConferenceTitle);
  if (titleLine) statement.conferenceTitle = cited(titleLine.content, titleLine);
  /** Under the conference's heading, a line without a label is its theme (as on event pages). */
  let themeLines: Line[] | undefined;
  const leftOver: Line[] = [];
  for (const [blockIndex, block] of blocks.entries()) {
    const afterTitle = titleLine !== undefined && block[0]!.number > titleLine.number;
    if (blockIndex === 0 || (titleLine && block.includes(titleLine))) continue;
    const date = block.length === 1 ? parseDateRange(block[0]!.content) : undefined;
    const dateline = block.length === 1 && !date ? /^(\p{Lu}[\p{L}' -]{1,30}),\s*(.+)$/u.exec(block[0]!.content) : null;
    const datelineDate = dateline ? parseDateRange(dateline[2]!) : undefined;
    if (isDateProblem(date)) skip(block[0]!, date.problem);
    else if (datelineDate && 'start' in datelineDate && datelineDate.start === datelineDate.end && !statement.issuedOn) {
      statement.issuedOn = cited(datelineDate.start, block[0]!);
      statement.dateline = cited(dateline![1]!.trim(), block[0]!);
    }
    else if (date && date.start === date.end && !statement.issuedOn) statement.issuedOn = cited(date.start, block[0]!);
    else if (afterTitle && !themeLines) themeLines = block;
    // A short line between the document's heading and the conference's is the site's category label.
    else if (!(titleLine && !afterTitle && block.length === 1 && isHeadingLike(block[0]!))) leftOver.push(...block);
  }

  let section: 'body' | Section = 'body';
  let group: string | undefined;
  let lastWasObjective = false;
  /** The contact being read, from its first line (the "Contact details:" label for the first) to its last so far. */
  let contact: { entry?: Omit<Contact, 'excerpt'>; first: Line; last: Line } | undefined;
  const bookings: Line[][] = [];
  const paragraphs: Line[][] = [];

  const closeContact = () => {
    if (contact?.entry) statement.contacts.push({ ...contact.entry, excerpt: quote(source, contact.first, contact.last) });
    contact = undefined;
  };

  while (index < lines.length) {
    const line = lines[index]!;
    const found = fieldOf(line);
    if (found && !(contact && ['phone', 'email', 'fax'].includes(found.field))) closeContact();
    if (found) {
      // Only a theme or an audience runs on to a second line; other details are followed by the next detail.
      const end = found.field === 'theme' || found.field === 'audience' ? continuation(index) : index;
      const value = clean([found.value, ...lines.slice(index + 1, end + 1).map((next) => next.content)].join(' '));
      const last = lines[end]!;
      switch (found.field) {
        case 'date': {
          const dates = parseDateRange(value);
          if (dates === undefined) skip(line, `date not understood: "${value}"`);
          else if (isDateProblem(dates)) skip(line, dates.problem);
          else statement.dates = cited(dates, line, last);
          break;
        }
        case 'venue':
          if (value) statement.venue = cited(splitVenue(value), line, last);
          else skip(line, 'venue label without a venue');
          break;
        case 'theme':
          if (value) statement.theme = cited(value, line, last);
          else skip(line, 'theme label without a theme');
          break;
        case 'subTheme':
          if (value) statement.subThemes.push(cited(value, line, last));
          else skip(line, 'sub-theme label without a sub-theme');
          break;
        case 'audience':
          if (value) statement.audience = cited(capitaliseFirst(value), line, last);
          else skip(line, 'audience label without an audience');
          break;
        case 'attendance': {
          const count = parseAttendance(value);
          if (count) statement.attendance = cited({ ...count, kind: 'EXPECTED' }, line, last);
          else skip(line, `attendance not understood: "${value}"`);
          break;
        }
        case 'contact':
          contact = { first: line, last, ...(value ? { entry: { name: contactName(value) } } : {}) };
          section = 'body';
          break;
        case 'phone':
        case 'email':
          if (!contact?.entry) {
            skip(line, `${found.field === 'phone' ? 'telephone number' : 'e-mail address'} outside any contact`);
          } else if (found.field === 'phone') {
            contact.entry.phone = value;
            contact.last = last;
          } else if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
            // Mail systems ignore case; the curated corpus writes addresses in lower case.
            contact.entry.email = value.toLowerCase();
            contact.last = last;
          } else {
            skip(line, `not an e-mail address: "${value}"`);
          }
          break;
        case 'fax':
          skip(line, 'the corpus format has no field for fax numbers');
          break;
        case 'issued': {
          let issuer = value;
          let through = end;
          if (!issuer && lines[end + 1] && lines[end + 1]!.gap === 0) issuer = lines[(through = end + 1)]!.content;
          // "Issued by: Office of the Premier, 1 September 2010" carries its date on the same line.
          const comma = issuer.lastIndexOf(',');
          const sameLineDate = comma > 0 ? parseDateRange(issuer.slice(comma + 1)) : undefined;
          if (sameLineDate) issuer = issuer.slice(0, comma).trim();
          if (issuer) statement.issuedBy = cited(parseOrganisationName(issuer).name, line, lines[through]);
          else skip(line, '"Issued by:" without an issuer');
          const dateLine = lines[through + 1];
          const nextLineDate = !sameLineDate && dateLine && dateLine.gap === 0 ? parseDateRange(dateLine.content) : undefined;
          if (nextLineDate) through += 1;
          const date = sameLineDate ?? nextLineDate;
          const dateAt = sameLineDate ? lines[through]! : dateLine!;
          if (isDateProblem(date)) skip(dateAt, date.problem);
          else if (date && !statement.issuedOn) statement.issuedOn = cited(date.start, dateAt);
          else if (date && statement.issuedOn!.value !== date.start) {
            skip(dateAt, `issue date ${date.start} differs from ${statement.issuedOn!.value} above`);
          }
          index = through + 1;
          continue;
        }
        case 'source': {
          const link = /^(.*?)\s*\(?(https?:\/\/[^\s)]+)\)?$/.exec(value);
          if (link) {
            statement.link = cited({ url: link[2]!, ...(link[1] ? { organisation: parseOrganisationName(link[1]).name } : {}) }, line, last);
          } else {
            skip(line, `no web address in "${value}"`);
          }
          break;
        }
        default:
          section = found.field;
          group = undefined;
          lastWasObjective = false;
          if (found.value) skip(line, `text after the "${found.field}" heading not understood`);
      }
      index = end + 1;
      continue;
    }

    if (contact && !line.bullet) {
      // A name line under "Contact details:" names the first contact, or the next once the last has a number.
      if (!contact.entry) {
        contact.entry = { name: contactName(line.content) };
        contact.last = line;
      } else if (contact.entry.phone || contact.entry.email) {
        closeContact();
        contact = { first: line, last: line, entry: { name: contactName(line.content) } };
      } else {
        skip(line, 'a second line for a contact that has no telephone or e-mail yet');
      }
      index += 1;
      continue;
    }
    closeContact();

    const end = line.bullet ? index : continuation(index);
    const block = lines.slice(index, end + 1);
    const text = joined(block);
    if (section === 'bookings') {
      if (line.bullet) skip(line, 'a list under Bookings');
      else bookings.push(block);
    } else if (line.bullet) {
      if (section === 'objectives') {
        // Two blank lines before a bullet separate an unheaded group from the one above.
        if (line.gap >= 2 && lastWasObjective) group = undefined;
        let through = index;
        while (lines[through + 1] && lines[through + 1]!.gap === 0 && !lines[through + 1]!.bullet && !fieldOf(lines[through + 1]!)) through += 1;
        const item = lines.slice(index, through + 1);
        statement.objectives.push({ ...(group ? { group } : {}), text: asSentence(joined(item)), excerpt: quote(source, line, lines[through]) });
        lastWasObjective = true;
        index = through + 1;
        continue;
      }
      skip(line, 'a list outside the objectives');
    } else if (block.length === 1 && isHeadingLike(line) && nextIsBullet(index) && section !== 'background') {
      group = line.content;
      section = 'objectives';
      lastWasObjective = false;
      statement.objectiveExcerpts.push(quote(source, line));
    } else if (text.endsWith(':') && (nextIsBullet(end) || (lines[end + 1] && isHeadingLike(lines[end + 1]!) && nextIsBullet(end + 1)))) {
      section = 'objectives';
      group = undefined;
      lastWasObjective = false;
      statement.objectiveExcerpts.push(quote(source, line, lines[end]));
    } else if (section === 'objectives') {
      block.forEach((blockLine) => skip(blockLine, 'text among the objectives that is neither a heading nor an item'));
    } else {
      paragraphs.push(block);
    }
    index = end + 1;
  }
  closeContact();

  // A page whose heading is a headline may name the edition on a line of its own further down.
  const titleParagraph = statement.conferenceTitle ? -1 : paragraphs.findIndex((paragraph) => paragraph.length === 1 && isConferenceTitle(paragraph[0]!));
  if (titleParagraph >= 0) statement.conferenceTitle = cited(paragraphs[titleParagraph]![0]!.content, paragraphs.splice(titleParagraph, 1)[0]![0]!);

  if (themeLines) {
    if (statement.theme) leftOver.push(...themeLines);
    else statement.theme = cited(joined(themeLines), themeLines[0]!, themeLines[themeLines.length - 1]);
  }
  leftOver.forEach((line) => skip(line, 'text in the heading that fits no field'));

  for (const paragraph of paragraphs) {
    const passage = quote(source, paragraph[0]!, paragraph[paragraph.length - 1]);
    statement.passages.push(passage);
    const text = capitaliseSentences(repairPlusMinus(joined(paragraph)));
    statement.background.push({ value: text, excerpt: passage.slice(0, sentenceSpans(passage)[0]!.end) });
    const attendance = statement.attendance ? undefined : findAttendance(passage);
    if (attendance) {
      const { index: at, ...value } = attendance;
      statement.attendance = { value, excerpt: sentenceAt(passage, at) };
    }
    const focus = statement.focus ? undefined : /\b(?:would|will|is to|shall)\s+focus\s+on\b/i.exec(passage);
    if (focus) {
      // The stated focus runs from its sentence to the end of the paragraph ("Aspects such as … will be discussed.").
      const start = sentenceSpans(passage).find((span) => focus.index >= span.start && focus.index < span.end)!.start;
      const excerpt = passage.slice(start);
      statement.focus = { value: capitaliseSentences(clean(excerpt)), excerpt };
    }
  }
  if (bookings.length > 0) {
    const first = bookings[0]![0]!;
    const lastBlock = bookings[bookings.length - 1]!;
    statement.bookings = cited(bookings.map(joined).join(' '), first, lastBlock[lastBlock.length - 1]);
  }
  return statement;
}

/** "Mr R Singh, Deputy Director: Conferences" is listed as "Mr R Singh"; other lines as written. */
function contactName(text: string): string {
  const beforeComma = text.split(',')[0]!;
  return 'problem' in parsePersonName(beforeComma) ? clean(text) : clean(beforeComma);
}
