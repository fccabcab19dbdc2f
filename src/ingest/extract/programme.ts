import type { ParticipationInput, SessionInput } from '../corpus.schema.js';
import { isDateProblem, parseDateRange } from './dates.js';
import { quote, unparsed, type Line, type SourceLines, type Unparsed } from './lines.js';
import { parsePersonLine, startsWithHonorific, type PersonLine } from './people.js';
import { capitaliseFirst, clean, shortSlug, slugify } from './text.js';

/**
 * A conference programme: days ("Day 1") with their sub-theme and chair, and
 * the sessions of each day. Nesting is read from indentation: a line indented
 * under a session belongs to it. Commissions belong to the breakaway listed
 * before them, whether the page indents them under it or beside it.
 */

export type Role = ParticipationInput['role'];
export type SessionKind = SessionInput['kind'];

/** A person named at one place in the programme, in one role. */
export type Mention = { role: Role; person: PersonLine; excerpt: string };

export type ProgrammeSession = {
  ref: string;
  kind: SessionKind;
  title: string;
  number?: number;
  description?: string;
  keyIssues: string[];
  participants: Mention[];
  children: ProgrammeSession[];
  excerpts: string[];
};

export type ProgrammeDay = {
  number: number;
  date?: string;
  subTheme?: string;
  chair?: Mention;
  sessions: ProgrammeSession[];
  excerpts: string[];
};

export type Programme = { days: ProgrammeDay[]; unparsed: Unparsed[] };

const dayNumbers: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const dayPattern = /^day\s+(\d{1,2}|one|two|three|four|five|six)\b\s*([:\-–—,.(]?)\s*(.*?)\)?$/i;

/**
 * "Day 1", "Day One: Thursday, 3 September 2009", "Day 2 – 2 October 2008";
 * not a sentence that happens to start with "Day one of …".
 */
function dayHeading(content: string): { number: number; rest: string } | undefined {
  const match = dayPattern.exec(content);
  if (!match) return undefined;
  const [, written, separator, rest] = match;
  if (rest && !separator && parseDateRange(rest) === undefined) return undefined;
  return { number: dayNumbers[written!.toLowerCase()] ?? Number(written), rest: rest!.trim() };
}
const programmeHeading = /^(?:(?:the |conference |provisional |draft )?programme|programme of (?:the )?(?:conference|event))$/i;

/** "08:00 - 09:00", "08h30 – 09h00", "07:30–08:30": a session's time slot, and what follows it. */
const timeSlot = /^(\d{1,2})[:hH.](\d{2})(?:\s*(?:-|–|—|to)\s*(\d{1,2})[:hH.](\d{2}))?\s+(.+)$/;

export function isTimeSlot(line: Line): boolean {
  return timeSlot.test(line.content);
}

/** A line that is only a date ("Tuesday, 14 September 2010") heads a day of an agenda. */
function dateHeading(content: string): string | undefined {
  const date = parseDateRange(content);
  return date && !isDateProblem(date) && date.start === date.end ? date.start : undefined;
}

export function isDayHeading(line: Line): boolean {
  return dayHeading(line.content) !== undefined;
}

/** Where a programme starts: a "Day" or "Programme" heading, or a date heading whose day is laid out in time slots. */
export function startsProgramme(line: Line, following: Line[] = []): boolean {
  if (dayHeading(line.content) !== undefined || (!line.bullet && programmeHeading.test(line.content))) return true;
  return dateHeading(line.content) !== undefined && following.slice(0, 5).some(isTimeSlot);
}

const roleLabels: Array<[RegExp, Role | 'KEY_ISSUES']> = [
  [/^(?:chairperson|chair|chairman|chairwoman)\s*:\s*(.*)$/i, 'CHAIRPERSON'],
  [/^facilitators?\s*:\s*(.*)$/i, 'FACILITATOR'],
  [/^presenters?\s*:\s*(.*)$/i, 'PRESENTER'],
  [/^(?:panel+ists?|panel(?: members)?)\s*:\s*(.*)$/i, 'PANELLIST'],
  [/^keynote speakers?\s*:\s*(.*)$/i, 'KEYNOTE_SPEAKER'],
  [/^(?:guest )?speakers?\s*:\s*(.*)$/i, 'SPEAKER'],
  [/^key issues\s*:?\s*(.*)$/i, 'KEY_ISSUES'],
];

const separator = '(?:\\s*[:\\-–—,]\\s*|\\s+by\\s+)';

/** Session headings: the label as written (group 1) and what follows it (group 2). */
const sessionOpeners: Array<{ pattern: RegExp; kind: SessionKind }> = [
  { pattern: new RegExp(`^(round[\\s-]*table(?:\\s+discussions?)?|panel(?:\\s+discussion)?)\\b(?:${separator}(.*))?$`, 'i'), kind: 'ROUND_TABLE' },
  { pattern: new RegExp(`^(break[\\s-]*away(?:\\s+(?:sessions?|commissions?|groups?))?)\\b(?:${separator}(.*))?$`, 'i'), kind: 'BREAKAWAY' },
  { pattern: /^(commission\s+(\d+))\b(?:\s*[:\-–—.]\s*(.*))?$/i, kind: 'COMMISSION' },
  { pattern: new RegExp(`^(keynote(?:\\s+address)?)\\b(?:${separator}(.*))?$`, 'i'), kind: 'KEYNOTE' },
  { pattern: new RegExp(`^((?:opening|welcome|closing|special|ministerial)\\s+address|official\\s+opening|welcome)\\b(?:${separator}(.*))?$`, 'i'), kind: 'ADDRESS' },
  { pattern: new RegExp(`^(plenary(?:\\s+session)?)\\b(?:${separator}(.*))?$`, 'i'), kind: 'PLENARY' },
  { pattern: new RegExp(`^(gala\\s+dinner)\\b(?:${separator}(.*))?$`, 'i'), kind: 'GALA_DINNER' },
];

/** Who speaks at a keynote, address or plenary, by role. */
const speakerRoles: Partial<Record<SessionKind, Role>> = { KEYNOTE: 'KEYNOTE_SPEAKER', ADDRESS: 'SPEAKER', PLENARY: 'SPEAKER' };

/** Sessions whose unlabelled list of people is their panel. */
const panelKinds = new Set<SessionKind>(['ROUND_TABLE', 'PLENARY']);

type SessionFrame = { type: 'session'; indent: number; session: ProgrammeSession; titled: boolean };
type ListFrame = { type: 'list'; indent: number; session: ProgrammeSession; role: Role | 'KEY_ISSUES' };
type Frame = SessionFrame | ListFrame;

/** "Title – Ms X, Minister" or "by Ms X": a speaker written after the title. */
function splitSpeaker(value: string): { title?: string; speaker?: string } {
  if (startsWithHonorific(value)) return { speaker: value };
  for (const match of value.matchAll(/\s+(?:[–—-]|by)\s+/g)) {
    const speaker = value.slice(match.index + match[0].length);
    if (startsWithHonorific(speaker)) return { title: value.slice(0, match.index).trim(), speaker };
  }
  return { title: value };
}

/** "Dr A Smith; Ms B Jones" or "Dr A Smith and Ms B Jones". */
function splitPeople(value: string): string[] {
  return value
    .split(';')
    .flatMap((part) => part.split(/\s+(?:and|&)\s+(?=\S)/).reduce<string[]>((people, piece) => {
      if (people.length > 0 && !startsWithHonorific(piece)) people[people.length - 1] += ` and ${piece}`;
      else people.push(piece);
      return people;
    }, []))
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseProgramme(source: SourceLines, lines: Line[]): Programme {
  const programme: Programme = { days: [], unparsed: [] };
  const skip = (line: Line, reason: string) => programme.unparsed.push(unparsed(source, line, reason));
  const refs = new Set<string>();
  let day: ProgrammeDay | undefined;
  let openBreakaway: ProgrammeSession | undefined;
  let stack: Frame[] = [];

  const uniqueRef = (base: string) => {
    let ref = base;
    for (let count = 2; refs.has(ref); count += 1) ref = `${base}-${count}`;
    refs.add(ref);
    return ref;
  };
  const topSession = (): SessionFrame | undefined => [...stack].reverse().find((frame): frame is SessionFrame => frame.type === 'session');

  /** Adds the people of `value` in `role`; a line that names nobody readable is left unparsed. */
  const addPeople = (line: Line, value: string, role: Role, to: Mention[]): void => {
    for (const written of splitPeople(value)) {
      const person = parsePersonLine(written);
      if ('problem' in person) {
        skip(line, person.problem);
        continue;
      }
      if (person.leftOut) skip(line, person.leftOut);
      to.push({ role, person, excerpt: quote(source, line) });
    }
  };

  const openSession = (line: Line, kind: SessionKind, label: string, rest: string, number?: number) => {
    const current = day!;
    stack = stack.filter((frame) => frame.indent < line.indent);
    const parentFrame = topSession();
    const parent =
      kind === 'COMMISSION'
        ? parentFrame?.session.kind === 'BREAKAWAY' ? parentFrame.session : (openBreakaway ?? parentFrame?.session)
        : parentFrame?.session;
    const refBase: Record<SessionKind, string> = {
      ROUND_TABLE: 'round-table',
      BREAKAWAY: slugify(label),
      COMMISSION: `commission-${number}`,
      KEYNOTE: 'keynote',
      ADDRESS: slugify(label),
      PLENARY: 'plenary',
      GALA_DINNER: 'gala-dinner',
      OTHER: shortSlug(label),
    };
    const session: ProgrammeSession = {
      ref: uniqueRef(`day-${current.number}-${refBase[kind]}`),
      kind,
      title: capitaliseFirst(label),
      keyIssues: [],
      participants: [],
      children: [],
      excerpts: [quote(source, line)],
      ...(number !== undefined ? { number } : {}),
    };
    let titled = kind !== 'COMMISSION';
    const speakerRole = speakerRoles[kind];
    if (kind === 'GALA_DINNER' && rest) session.description = capitaliseFirst(rest);
    else if (speakerRole && rest) {
      const { title, speaker } = splitSpeaker(rest);
      if (title) session.title = title;
      if (speaker) addPeople(line, speaker, speakerRole, session.participants);
    } else if (rest) {
      session.title = rest;
      titled = true;
    }
    (parent ? parent.children : current.sessions).push(session);
    if (!parent) openBreakaway = kind === 'BREAKAWAY' ? session : undefined;
    stack.push({ type: 'session', indent: line.indent, session, titled });
    return session;
  };

  for (const [lineIndex, line] of lines.entries()) {
    const { content } = line;
    const dated = !dayHeading(content) && startsProgramme(line, lines.slice(lineIndex + 1)) ? dateHeading(content) : undefined;
    const heading = dayHeading(content) ?? (dated ? { number: (programme.days[programme.days.length - 1]?.number ?? 0) + 1, rest: content } : undefined);
    if (heading) {
      const { number, rest } = heading;
      stack = [];
      openBreakaway = undefined;
      if (programme.days.some((known) => known.number === number)) {
        skip(line, `Day ${number} is listed twice`);
        day = undefined;
        continue;
      }
      day = { number, sessions: [], excerpts: [quote(source, line)] };
      programme.days.push(day);
      if (rest) {
        const date = parseDateRange(rest);
        if (isDateProblem(date)) skip(line, date.problem);
        else if (date && date.start === date.end) day.date = date.start;
        else skip(line, `text after the day heading not understood: "${rest}"`);
      }
      continue;
    }
    if (!line.bullet && programmeHeading.test(content)) continue;
    if (!day) {
      skip(line, 'programme text before any "Day" heading');
      continue;
    }

    const subTheme = /^sub[\s-]*theme\b\s*\d*\s*[:\-–—]\s*(.+)$/i.exec(content);
    if (subTheme) {
      stack = [];
      if (day.subTheme) skip(line, `Day ${day.number} already has a sub-theme`);
      else {
        day.subTheme = clean(subTheme[1]!);
        day.excerpts.push(quote(source, line));
      }
      continue;
    }

    const roleLabel = roleLabels.map(([pattern, role]) => ({ match: pattern.exec(content), role })).find(({ match }) => match);
    if (roleLabel) {
      stack = stack.filter((frame) => frame.indent < line.indent || (frame.type === 'session' && frame.indent === line.indent));
      const value = clean(roleLabel.match![1]!);
      let target = topSession()?.session;
      if (roleLabel.role === 'CHAIRPERSON' && !target) {
        if (!value) {
          skip(line, 'a chair label without a name');
          continue;
        }
        const chairs: Mention[] = [];
        addPeople(line, value, 'CHAIRPERSON', chairs);
        if (day.chair && chairs.length > 0) skip(line, `Day ${day.number} already has a chair`);
        else if (chairs.length > 1) skip(line, 'more than one chair for the day');
        else if (chairs[0]) day.chair = chairs[0];
        continue;
      }
      if (!target && roleLabel.role === 'KEYNOTE_SPEAKER') {
        // The keynote is known from its speaker alone; the session is named for what it is.
        target = openSession(line, 'KEYNOTE', 'Keynote address', '');
      }
      if (!target) {
        skip(line, `${content.split(':')[0]} outside any session`);
        continue;
      }
      if (!value) {
        stack.push({ type: 'list', indent: line.indent, session: target, role: roleLabel.role });
      } else if (roleLabel.role === 'KEY_ISSUES') {
        target.keyIssues.push(...value.split(';').map(clean).filter(Boolean));
        target.excerpts.push(quote(source, line));
      } else {
        addPeople(line, value, roleLabel.role, target.participants);
      }
      continue;
    }
    // An agenda's time slot opens a session, whatever it is: a keynote, or tea. A table copied as
    // text keeps its columns apart with tabs or runs of spaces: session, then speaker.
    const slot = timeSlot.exec(source.text.slice(line.start, line.end));
    const [sessionColumn, speakerColumn] = slot ? slot[5]!.split(/\t+|\s{3,}/).map(clean) : [content];
    const sessionText = sessionColumn!;
    const opener = sessionOpeners.map(({ pattern, kind }) => ({ match: pattern.exec(sessionText), kind })).find(({ match }) => match);
    let opened: ProgrammeSession | undefined;
    if (opener) {
      const { match, kind } = opener;
      if (kind === 'COMMISSION') opened = openSession(line, kind, clean(match![1]!), clean(match![3] ?? ''), Number(match![2]));
      else opened = openSession(line, kind, clean(match![1]!), clean(match![2] ?? ''));
    } else if (slot) {
      opened = openSession(line, 'OTHER', sessionText, '');
    }
    if (opened && speakerColumn) {
      const role = speakerRoles[opened.kind] ?? (panelKinds.has(opened.kind) ? 'PANELLIST' : 'SPEAKER');
      addPeople(line, speakerColumn, role, opened.participants);
    }
    if (opened) continue;

    // Anything else is an item of an open list, or part of the session it is written under.
    stack = stack.filter((frame) => frame.indent <= line.indent);
    let placed = false;
    while (!placed && stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deeper = line.indent > frame.indent;
      const person = parsePersonLine(content);
      if (frame.type === 'list') {
        if (frame.role === 'KEY_ISSUES') {
          frame.session.keyIssues.push(content);
          frame.session.excerpts.push(quote(source, line));
        } else {
          addPeople(line, content, frame.role, frame.session.participants);
        }
        placed = true;
      } else if (deeper && frame.session.kind === 'COMMISSION' && !frame.titled && frame.session.participants.length === 0) {
        frame.session.title = content;
        frame.session.excerpts.push(quote(source, line));
        frame.titled = true;
        placed = true;
      } else if (panelKinds.has(frame.session.kind) && !('problem' in person) && (deeper || line.bullet)) {
        addPeople(line, content, 'PANELLIST', frame.session.participants);
        placed = true;
      } else if (deeper && speakerRoles[frame.session.kind] && !('problem' in person)) {
        // An agenda names an address's speaker on the line under it.
        addPeople(line, content, speakerRoles[frame.session.kind]!, frame.session.participants);
        placed = true;
      } else if (deeper && !frame.session.description && 'problem' in person && frame.session.kind !== 'ROUND_TABLE') {
        frame.session.description = content;
        frame.session.excerpts.push(quote(source, line));
        placed = true;
      } else if (deeper) {
        skip(line, panelKinds.has(frame.session.kind) && 'problem' in person ? person.problem : `not understood under "${frame.session.title}"`);
        placed = true;
      } else {
        stack.pop();
      }
    }
    if (placed) continue;
    if (line.bullet) openSession(line, 'OTHER', content, '');
    else skip(line, 'fits nothing in the programme');
  }
  return programme;
}
