import ical from 'ical-generator';
import { ExportNotFoundError } from './errors.js';
import { participantLine, roleName, sessionHeading } from './labels.js';
import type { Programme, ProgrammeDay, ProgrammeParticipant, ProgrammeSession } from './programme.js';

/** UIDs stay the same across exports, so a re-imported calendar updates its events instead of duplicating them. */
const uid = (globalId: string) => `${globalId}@lekgotla`;

/** The day after an ISO date: an all-day DTEND is exclusive (RFC 5545, 3.6.1). */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-ZA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Panellists: Ms V Petersen; Prof R M Levin", one line per run of the same role. */
function participantLines(participants: ProgrammeParticipant[], indent: string): string[] {
  const lines: string[] = [];
  for (let start = 0; start < participants.length; ) {
    let end = start + 1;
    while (end < participants.length && participants[end]!.role === participants[start]!.role) end += 1;
    const run = participants.slice(start, end);
    lines.push(`${indent}${roleName(run[0]!.role, run.length)}: ${run.map(participantLine).join('; ')}`);
    start = end;
  }
  return lines;
}

function sessionLines({ session, children }: ProgrammeSession, indent = ''): string[] {
  return [
    `${indent}${sessionHeading(session)}`,
    ...(session.description ? [`${indent}  ${session.description}`] : []),
    ...participantLines(session.participants, `${indent}  `),
    ...children.flatMap((child) => sessionLines(child, `${indent}  `)),
  ];
}

/** The edition's dates as a person writes them, saying so when the end is not known. */
function datesText(startDate: string, endDate: string | undefined): string {
  if (!endDate) return `from ${longDate(startDate)}, end date not stated`;
  return startDate === endDate ? longDate(startDate) : `${longDate(startDate)} to ${longDate(endDate)}`;
}

/** A day's sub-theme, chairs and sessions: the description of its own event, or its part of the edition's. */
function dayLines({ day, participants, sessions }: ProgrammeDay, indent = ''): string[] {
  return [
    ...(day.subTheme ? [`${indent}${day.subTheme}`] : []),
    ...participantLines(participants, indent),
    ...(sessions.length ? ['', ...sessions.flatMap((node) => sessionLines(node, indent))] : []),
  ];
}

/** The days the sources do not date, each under its heading, for the edition's own event. */
function undatedDayLines(undated: ProgrammeDay[], conferenceDates: string): string[] {
  if (undated.length === 0) return [];
  const numbers = undated.map(({ day }) => day.number);
  const which = numbers.length === 1 ? `day ${numbers[0]}` : `days ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return [
    `Dates not stated: the sources place ${which} within the conference (${conferenceDates}) without saying on which date.`,
    ...undated.flatMap((programmeDay) => ['', `Day ${programmeDay.day.number}`, ...dayLines(programmeDay, '  ')]),
  ];
}

/**
 * An edition's programme as iCalendar (RFC 5545): one all-day event for the
 * whole conference, and one per day whose date the sources give, listing its
 * sessions and who took part. A calendar event claims a date, so a day the
 * sources do not date gets none: it is listed in the edition's event instead.
 * Sessions have no times in the model, so no session gets an event of its own.
 */
export function conferenceCalendar({ conference, days, sessions }: Programme): string {
  const { startDate } = conference;
  // Every VEVENT needs a DTSTART; an edition known only by its year has none to give.
  if (!startDate) throw new ExportNotFoundError(`${conference.title} has no dates, so it has no calendar`);
  // Without an end date the event covers the start date alone (RFC 5545, 3.6.1), and its description says why.
  const endDate = conference.endDate ?? startDate;
  const conferenceDates = datesText(startDate, conference.endDate ?? undefined);
  const location = [conference.venue?.name, conference.venue?.city].filter(Boolean).join(', ') || null;

  const calendar = ical({ prodId: { company: 'Lekgotla', product: 'Conference programme', language: 'EN' }, name: conference.title });
  const unscheduled = sessions.filter((node) => !node.session.day);
  // Blocks of lines, a blank line between them.
  const sections = [
    [
      ...(conference.theme ? [`Theme: ${conference.theme}`] : []),
      ...(conference.audience ? [`Audience: ${conference.audience}`] : []),
      ...(conference.series.organiser ? [`Organiser: ${conference.series.organiser.name}`] : []),
      ...(conference.endDate ? [] : ['End date not stated: the sources give only the day the conference starts.']),
    ],
    undatedDayLines(days.filter(({ day }) => !day.date), conferenceDates),
    unscheduled.length ? ['Sessions not assigned to a day:', ...unscheduled.flatMap((node) => sessionLines(node))] : [],
  ].filter((lines) => lines.length > 0);
  calendar.createEvent({
    id: uid(conference.id),
    allDay: true,
    start: startDate,
    end: dayAfter(endDate),
    summary: conference.title,
    location,
    description: sections.map((lines) => lines.join('\n')).join('\n\n') || null,
  });
  for (const programmeDay of days) {
    const { date, number, id } = programmeDay.day;
    if (!date) continue;
    calendar.createEvent({
      id: uid(id),
      allDay: true,
      start: date,
      end: dayAfter(date),
      summary: `${conference.title}: day ${number}`,
      location,
      description: dayLines(programmeDay).join('\n') || null,
    });
  }
  // RFC 5545 ends every content line, the last included, with CRLF; ical-generator leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
