import type { CitationInput, CorpusFile, DayInput, ParticipationInput, SessionInput, SourceInput } from '../corpus.schema.js';
import { parseDateRange } from './dates.js';
import { readLines, unparsed, type Line, type Unparsed } from './lines.js';
import { Organisations, organisationKey, type OrganisationEntry } from './organisations.js';
import { isDayHeading, parseProgramme, startsProgramme, type Mention, type ProgrammeSession } from './programme.js';
import { positionKey, Roster, type PersonEntry, type PositionEntry } from './roster.js';
import { readProse } from './prose.js';
import { seriesNamed, seriesOf } from './series.js';
import { closesProgramme, fieldOf, parseStatement, type Statement } from './statement.js';
import { provinceIn } from './text.js';

export type ExtractOptions = {
  /** The key the source will have in the corpus, used by every citation. */
  sourceKey: string;
  /** The text's path relative to the data folder, e.g. "sources/sms-2008-event-page.txt". */
  sourceFile: string;
  /** The conference series; derived from the title when not given. */
  seriesSlug?: string;
};

/**
 * Facts read from the text that the corpus format has no field for yet (issue 10, part 4): the series'
 * sphere and province, sub-themes not tied to a day, attendance with its kind, and roles stated outside
 * a programme. Each is cited, so a curator can place it by hand until the format can hold it.
 */
export type PendingFacts = {
  series?: { sphere: Sphere; province?: string; excerpt: string };
  subThemes: Array<{ value: string; excerpt: string }>;
  attendance?: { figure: number; approximate: boolean; kind: 'EXPECTED' | 'REPORTED'; excerpt: string };
  roles: Array<{ person: string; role: ParticipationInput['role']; excerpt: string }>;
};

export type Sphere = 'NATIONAL' | 'PROVINCIAL' | 'LOCAL';

export type Draft = { draft: CorpusFile; unparsed: Unparsed[]; pending: PendingFacts };

/** The programme runs from its first day (or "Programme" heading) to the statement's closing parts, if any follow. */
function splitProgramme(lines: Line[]): { description: Line[]; programme: Line[] } {
  const start = lines.findIndex((line, index) => startsProgramme(line, lines.slice(index + 1)));
  if (start < 0) return { description: lines, programme: [] };
  const length = lines.slice(start + 1).findIndex(closesProgramme);
  const end = length < 0 ? lines.length : start + 1 + length;
  // An agenda's details ("Venue:", "Theme:") written under its "Programme" heading, before its first day, describe the conference.
  const firstDay = lines.findIndex((line, index) => index >= start && index < end && (isDayHeading(line) || (index > start && startsProgramme(line, lines.slice(index + 1)))));
  const details = lines.slice(start, firstDay < 0 ? end : firstDay).filter((line) => fieldOf(line) !== undefined);
  return {
    description: [...lines.slice(0, start), ...details, ...lines.slice(end)],
    programme: lines.slice(start, end).filter((line) => !details.includes(line)),
  };
}

function sourceKind(statement: Statement, hasConference: boolean): SourceInput['kind'] {
  if (statement.issuedBy || statement.issuedOn) return 'MEDIA_STATEMENT';
  return hasConference ? 'EVENT_PAGE' : 'OTHER';
}

/**
 * Drafts a corpus file from the text of a conference event page or media
 * statement. Every record cites the verbatim lines it was read from, so the
 * draft passes the corpus check against the same text; whatever could not be
 * read is listed in `unparsed` by line, never guessed.
 */
export function extractDraft(text: string, options: ExtractOptions): Draft {
  const source = readLines(text);
  const { description, programme: programmeLines } = splitProgramme(source.lines);
  const statement = parseStatement(source, description);
  const programme = parseProgramme(source, programmeLines);
  const cite = (...excerpts: Array<string | undefined>): CitationInput[] =>
    [...new Set(excerpts)].filter((excerpt): excerpt is string => excerpt !== undefined).map((excerpt) => ({ source: options.sourceKey, excerpt }));

  const prose = readProse(statement.passages, statement.issuedOn?.value, statement.dateline);
  const titleText = statement.conferenceTitle?.value;
  const datedDays = programme.days.flatMap((day) => (day.date ? [{ date: day.date, excerpt: day.excerpts[0]! }] : []));
  // Labelled dates first; then what the prose says; then the dates of the programme's days.
  const dates: { value: { start?: string; end?: string }; excerpts: string[] } | undefined = statement.dates
    ? { value: statement.dates.value, excerpts: [statement.dates.excerpt] }
    : prose.start || prose.end
      ? {
          value: { ...(prose.start ? { start: prose.start.value } : {}), ...(prose.end ? { end: prose.end.value } : {}) },
          excerpts: [prose.start?.excerpt, prose.end?.excerpt].filter((excerpt): excerpt is string => excerpt !== undefined),
        }
      : datedDays.length > 0
        ? { value: { start: datedDays[0]!.date, end: datedDays[datedDays.length - 1]!.date }, excerpts: [datedDays[0]!.excerpt, datedDays[datedDays.length - 1]!.excerpt] }
        : undefined;
  // The conference's heading names its year ("… Conference 2007"); otherwise its prose or its dates do.
  const titleYear = titleText ? Number(/\b(?:19|20)\d{2}\b/.exec(titleText)![0]) : undefined;
  const dateYear = dates?.value.start ?? dates?.value.end;
  const year = titleYear ?? prose.year?.value ?? (prose.smsConference && dateYear ? Number(dateYear.slice(0, 4)) : undefined);
  const updated = source.lastUpdate ? parseDateRange(source.lastUpdate.content.replace(/^[^:]*:/, '')) : undefined;
  const dateProblems: Unparsed[] =
    source.lastUpdate && !(updated && 'start' in updated)
      ? [unparsed(source, source.lastUpdate, updated ? updated.problem : 'the date of the last update is not understood')]
      : [];

  const organisations = new Organisations();
  const publisher: OrganisationEntry | undefined = statement.issuedBy
    ? organisations.mention({ name: statement.issuedBy.value }, statement.issuedBy.excerpt)
    : undefined;
  if (statement.link?.value.organisation) organisations.mention({ name: statement.link.value.organisation }, statement.link.excerpt);

  const sourceEntry: SourceInput = {
    key: options.sourceKey,
    title: statement.title?.value ?? options.sourceKey,
    kind: sourceKind(statement, year !== undefined),
    file: options.sourceFile,
    ...(statement.link ? { url: statement.link.value.url } : {}),
    ...(publisher ? { publisher: organisationKey(publisher) } : {}),
    ...(statement.issuedOn ? { issuedOn: statement.issuedOn.value } : {}),
    ...(updated && 'start' in updated ? { updatedOn: updated.start } : {}),
    annexes: [],
  };

  if (year === undefined) {
    // The document's heading still titles the source; everything after it is left to the curator.
    const headingEnd = source.lines.findIndex((line, index) => index > 0 && line.gap > 0);
    const reason = 'no conference found: the document names no conference with a year';
    const lines = source.lines.slice(headingEnd < 0 ? source.lines.length : headingEnd).map((line) => unparsed(source, line, reason));
    return {
      draft: { sources: [sourceEntry], organisations: organisations.records(options.sourceKey), people: [], topics: [], series: [], conferences: [] },
      unparsed: [...lines, ...dateProblems],
      pending: { subThemes: [], roles: [] },
    };
  }
  const titleProvince = titleText ? provinceIn(titleText.split(/\b(?:senior management service|sms)\b/i)[0]!) : undefined;
  const province = titleProvince ?? prose.province?.value;
  // A title names the series, unless it names no province and the prose says whose conference it is.
  const series = titleText && (titleProvince || !province) ? seriesOf(titleText) : seriesNamed(province);
  const isSms = /\b(?:senior management service|sms)\b/i.test(titleText ?? '') || prose.smsConference !== undefined;
  const sphere: Sphere | undefined = province ? 'PROVINCIAL' : isSms ? 'NATIONAL' : undefined;
  const conferenceTitle = titleText ?? `${series.name} ${year}`;
  const venue = statement.venue ?? prose.venue;
  const theme = statement.theme ?? prose.theme;

  const roster = new Roster(organisations);
  const startDate = dates?.value.start;
  const handles = new Map<Mention, { person: PersonEntry; position?: PositionEntry }>();
  const register = (mention: Mention, asOf: string | undefined) => handles.set(mention, roster.add(mention.person, mention.excerpt, asOf));
  const registerSessions = (sessions: ProgrammeSession[], asOf: string | undefined): void =>
    sessions.forEach((session) => {
      session.participants.forEach((mention) => register(mention, asOf));
      registerSessions(session.children, asOf);
    });
  for (const day of programme.days) {
    const asOf = day.date ?? startDate;
    if (day.chair) register(day.chair, asOf);
    registerSessions(day.sessions, asOf);
  }

  const participation = (mention: Mention): ParticipationInput => {
    const { person, position } = handles.get(mention)!;
    return { person: person.key, role: mention.role, ...(position ? { position: positionKey(position) } : {}), cite: cite(mention.excerpt) };
  };
  /** A day's chair is a participation without a role: the day says what it is. */
  const chairOf = (mention: Mention): DayInput['chair'] => {
    const { role: _role, ...chair } = participation(mention);
    return chair;
  };
  const session = (item: ProgrammeSession): SessionInput => ({
    ref: item.ref,
    kind: item.kind,
    title: item.title,
    ...(item.number !== undefined ? { number: item.number } : {}),
    ...(item.description ? { description: item.description } : {}),
    keyIssues: item.keyIssues,
    participants: item.participants.map(participation),
    topics: [],
    children: item.children.map(session),
    cite: cite(...item.excerpts),
  });
  const days: DayInput[] = programme.days.map((day) => ({
    number: day.number,
    ...(day.date ? { date: day.date } : {}),
    ...(day.subTheme ? { subTheme: day.subTheme } : {}),
    ...(day.chair ? { chair: chairOf(day.chair) } : {}),
    sessions: day.sessions.map(session),
    cite: cite(...day.excerpts),
  }));

  const seriesSlug = options.seriesSlug ?? series.slug;
  const background = statement.background.map((paragraph) => paragraph.value).join('\n\n');
  const proseRoles = prose.people.flatMap((mention) => {
    const { person } = roster.add(mention.person, mention.excerpt, startDate ?? statement.issuedOn?.value);
    return mention.role ? [{ person: person.key, role: mention.role, excerpt: mention.excerpt }] : [];
  });
  const conferenceCites = cite(
    statement.conferenceTitle?.excerpt,
    ...(titleText ? [] : [prose.smsConference?.excerpt, prose.year?.excerpt]),
    theme?.excerpt,
    ...(dates?.excerpts ?? []),
    venue?.excerpt,
    venue === prose.venue ? prose.venueTown?.excerpt : undefined,
    statement.audience?.excerpt,
    statement.attendance?.excerpt,
    ...statement.background.map((paragraph) => paragraph.excerpt),
    statement.focus?.excerpt,
    ...statement.objectiveExcerpts,
    ...statement.objectives.map((objective) => objective.excerpt),
    statement.bookings?.excerpt,
    ...statement.contacts.map((contact) => contact.excerpt),
  );

  const draft: CorpusFile = {
    sources: [sourceEntry],
    organisations: organisations.records(options.sourceKey),
    people: roster.records(options.sourceKey),
    topics: [],
    series: [{ slug: seriesSlug, name: series.name, ...(publisher ? { organiser: organisationKey(publisher) } : {}) }],
    conferences: [
      {
        series: seriesSlug,
        year,
        title: conferenceTitle,
        ...(theme ? { theme: theme.value } : {}),
        ...(dates?.value.start ? { startDate: dates.value.start } : {}),
        ...(dates?.value.end ? { endDate: dates.value.end } : {}),
        ...(venue ? { venue: venue.value } : {}),
        ...(statement.audience ? { audience: statement.audience.value } : {}),
        ...(statement.attendance ? { expectedAttendance: statement.attendance.value.count } : {}),
        documentation: 'DOCUMENTED',
        ...(statement.focus ? { focus: statement.focus.value } : {}),
        ...(background ? { background } : {}),
        ...(statement.bookings ? { bookings: statement.bookings.value } : {}),
        sources: [options.sourceKey],
        objectives: statement.objectives.map(({ group, text: objective }) => ({ ...(group ? { group } : {}), text: objective })),
        // The people to contact are given by the statement's issuer.
        contacts: statement.contacts.map(({ name, phone, email }) => ({
          name,
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
          ...(publisher ? { organisation: organisationKey(publisher) } : {}),
        })),
        topics: [],
        days,
        cite: conferenceCites,
      },
    ],
  };
  return {
    draft,
    unparsed: [...statement.unparsed, ...programme.unparsed, ...dateProblems].sort((a, b) => a.line - b.line),
    pending: {
      ...(sphere ? { series: { sphere, ...(province ? { province } : {}), excerpt: prose.province?.excerpt ?? statement.conferenceTitle?.excerpt ?? prose.smsConference!.excerpt } } : {}),
      subThemes: statement.subThemes,
      ...(statement.attendance
        ? { attendance: { figure: statement.attendance.value.count, approximate: statement.attendance.value.approximate, kind: statement.attendance.value.kind, excerpt: statement.attendance.excerpt } }
        : {}),
      roles: proseRoles,
    },
  };
}
