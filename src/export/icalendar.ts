import ical from 'ical-generator';
import type { Participation } from '../entities/index.js';
import { globalIdOf } from '../schema/global-id.js';
import { ExportNotFoundError } from './errors.js';
import { participantLine, roleName, sessionHeading } from './labels.js';
import type { Programme, ProgrammeDay, ProgrammeSession } from './programme.js';

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
function participantLines(participants: Participation[], indent: string): string[] {
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

function sessionLines({ session, participants, children }: ProgrammeSession, indent = ''): string[] {
  return [
    `${indent}${sessionHeading(session)}`,
    ...(session.description ? [`${indent}  ${session.description}`] : []),
    ...participantLines(participants, `${indent}  `),
    ...children.flatMap((child) => sessionLines(child, `${indent}  `)),
  ];
}

function dayDescription({ day, chairs, sessions }: ProgrammeDay, conferenceDates: string): string {
  return [
    ...(day.subTheme ? [day.subTheme] : []),
    ...(day.date ? [] : [`Date not stated: the sources place day ${day.number} within the conference (${conferenceDates}) without saying on which date.`]),
    ...participantLines(chairs, ''),
    '',
    ...sessions.flatMap((node) => sessionLines(node)),
  ].join('\n');
}

/**
 * An edition's programme as iCalendar (RFC 5545): one all-day event for the
 * whole conference and one per day listing its sessions and who took part.
 * A day whose date the sources do not give spans the whole conference, and
 * its description says so, rather than guessing a date.
 */
export function conferenceCalendar({ conference, days, sessions }: Programme): string {
  const { startDate } = conference;
  // Every VEVENT needs a DTSTART; an edition known only by its year has none to give.
  if (!startDate) throw new ExportNotFoundError(`${conference.title} has no dates, so it has no calendar`);
  const endDate = conference.endDate ?? startDate;
  const conferenceDates = startDate === endDate ? longDate(startDate) : `${longDate(startDate)} to ${longDate(endDate)}`;
  const location = [conference.venueName, conference.venueCity].filter(Boolean).join(', ') || null;

  const calendar = ical({ prodId: { company: 'Lekgotla', product: 'Conference programme', language: 'EN' }, name: conference.title });
  const unscheduled = sessions.filter((node) => !node.session.day);
  calendar.createEvent({
    id: uid(globalIdOf('Conference', conference.id)),
    allDay: true,
    start: startDate,
    end: dayAfter(endDate),
    summary: conference.title,
    location,
    description: [
      ...(conference.theme ? [`Theme: ${conference.theme}`] : []),
      ...(conference.audience ? [`Audience: ${conference.audience}`] : []),
      ...(conference.series.organiser ? [`Organiser: ${conference.series.organiser.name}`] : []),
      ...(unscheduled.length ? ['', 'Sessions not assigned to a day:', ...unscheduled.flatMap((node) => sessionLines(node))] : []),
    ].join('\n') || null,
  });
  for (const programmeDay of days) {
    const { day } = programmeDay;
    calendar.createEvent({
      id: uid(globalIdOf('ConferenceDay', day.id)),
      allDay: true,
      start: day.date ?? startDate,
      end: dayAfter(day.date ?? endDate),
      summary: `${conference.title}: day ${day.number}`,
      location,
      description: dayDescription(programmeDay, conferenceDates),
    });
  }
  // RFC 5545 ends every content line, the last included, with CRLF; ical-generator leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
