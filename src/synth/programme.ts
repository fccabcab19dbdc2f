import { CitedKind, ParticipationRole, SessionKind } from '../entities/enums.js';
import type { Cast } from './cast.js';
import type { EventPage } from './event-page.js';
import type { IdSequence } from './ids.js';
import { careerStepIn, type SynthPerson } from './people.js';
import type { PositionRegistry } from './positions.js';
import type { Random } from './random.js';
import type { SynthSeries } from './series.js';
import type { Row } from './tables.js';
import { slugify } from './text.js';
import {
  capitalise,
  CHALLENGES,
  fill,
  GALA_DESCRIPTIONS,
  KEYNOTE_TITLES,
  OTHER_SESSIONS,
  PLENARY_TITLES,
  ROUND_TABLE_TITLES,
  SPHERES,
  SUB_THEMES,
} from './vocabulary/programme.js';
import { THEMES, type Theme } from './vocabulary/themes.js';

/** Everything one edition's programme is written with and into. */
export type Edition = {
  random: Random;
  series: SynthSeries;
  year: number;
  conferenceId: number;
  /** ISO start date: positions first named here are dated by it. */
  startDate: string;
  /** The themes this edition is mostly about. */
  themes: Theme[];
  ids: IdSequence;
  page: EventPage;
  cast: Cast;
  positions: PositionRegistry;
  person: (index: number) => SynthPerson;
  rows: {
    conference_day: Array<Row<'conference_day'>>;
    session: Array<Row<'session'>>;
    position: Array<Row<'position'>>;
    participation: Array<Row<'participation'>>;
  };
};

type Seat = { role: ParticipationRole; count: number; senior?: boolean; /** How often the programme gives the person's position. */ withPosition?: number };

type SessionInput = {
  ref: string;
  kind: SessionKind;
  title: string;
  number?: number;
  description?: string;
  keyIssues?: string[];
  heading: string;
  seats: Seat[];
};

const ROLE_LABELS: Record<ParticipationRole, string> = {
  CHAIRPERSON: 'Chairperson',
  FACILITATOR: 'Facilitator',
  PRESENTER: 'Presenter',
  PANELLIST: '•',
  SPEAKER: 'Speaker',
  KEYNOTE_SPEAKER: 'Keynote speaker',
};

/**
 * Writes one day of an edition: its chair, then sessions in programme order
 * (opening, keynote, plenaries, round table, breakaways with their
 * commissions, report-back and closing, the gala dinner), each with its
 * participants, and the same programme as lines of the event page.
 */
export class ProgrammeWriter {
  /** Programme order within the conference: parents before their children, day after day. */
  private ordinal = 0;
  /** Who already has a part today: parallel commissions cannot share a presenter. */
  private busyToday = new Set<number>();

  constructor(private readonly edition: Edition) {}

  writeDay(number: number, date: string, printed: string, options: { last: boolean; galaDinner: boolean }): void {
    const { random, ids, page, rows } = this.edition;
    const dayId = ids.next('conference_day');
    this.busyToday = new Set();
    const [first, second] = this.themes(2);
    const subTheme = fill(random.pick(SUB_THEMES), { a: first!.phrase, A: capitalise(first!.phrase), b: second!.phrase });
    rows.conference_day.push({ id: dayId, conference_id: this.edition.conferenceId, number, date, sub_theme: subTheme });
    page.blank();
    page.line(`Day ${number}`, 0, { kind: CitedKind.CONFERENCE_DAY, subjectId: dayId });
    page.line(printed);
    page.blank();
    page.line(`Sub theme: ${subTheme}`, 0, { kind: CitedKind.CONFERENCE_DAY, subjectId: dayId });
    page.blank();
    this.seat({ role: ParticipationRole.CHAIRPERSON, count: 1, senior: true, withPosition: 1 }, { dayId, sessionId: null }, new Set(), 0, ': ');
    page.blank();

    for (const input of this.daySessions(number, options)) this.writeSession(dayId, null, input);
  }

  private daySessions(day: number, { last, galaDinner }: { last: boolean; galaDinner: boolean }): Array<SessionInput & { children?: SessionInput[] }> {
    const { random } = this.edition;
    const sessions: Array<SessionInput & { children?: SessionInput[] }> = [];
    const prefix = `day-${day}`;
    if (day === 1) {
      if (random.chance(0.3)) sessions.push(this.other(prefix, OTHER_SESSIONS[3]!));
      sessions.push({
        ref: `${prefix}-opening-address`,
        kind: SessionKind.ADDRESS,
        title: 'Welcome and opening address',
        heading: '• Welcome and opening address',
        seats: [{ role: ParticipationRole.SPEAKER, count: 1, senior: true, withPosition: 1 }],
      });
    }
    if (day === 1 || random.chance(0.4)) sessions.push(this.keynote(prefix));
    const plenaries = random.chance(0.3) ? 2 : 1;
    for (let index = 1; index <= plenaries; index++) sessions.push(this.plenary(`${prefix}-plenary-${index}`));
    sessions.push(this.roundTable(prefix));
    const breakaways = random.chance(0.45) ? 2 : 1;
    for (let index = 1; index <= breakaways; index++) sessions.push(this.breakaway(`${prefix}-breakaway-${index}`, breakaways > 1));
    if (random.chance(0.3)) sessions.push(this.other(prefix, random.pick(OTHER_SESSIONS.slice(0, 3))));
    if (last) {
      sessions.push({
        ref: `${prefix}-report-back`,
        kind: SessionKind.PLENARY,
        title: 'Report back from the commissions',
        heading: '• Plenary: Report back from the commissions',
        seats: [
          { role: ParticipationRole.CHAIRPERSON, count: 1, senior: true },
          { role: ParticipationRole.PRESENTER, count: random.int(2, 4) },
        ],
      });
      sessions.push({
        ref: `${prefix}-closing-address`,
        kind: SessionKind.ADDRESS,
        title: 'Closing address and way forward',
        heading: '• Closing address and way forward',
        seats: [{ role: ParticipationRole.SPEAKER, count: 1, senior: true, withPosition: 1 }],
      });
    }
    if (galaDinner) sessions.push(this.galaDinner(prefix));
    return sessions;
  }

  private keynote(prefix: string): SessionInput {
    const { random } = this.edition;
    const [theme] = this.themes(1);
    const title = fill(random.pick(KEYNOTE_TITLES), { a: theme!.phrase, A: capitalise(theme!.phrase) });
    const seats: Seat[] = [{ role: ParticipationRole.KEYNOTE_SPEAKER, count: 1, senior: true, withPosition: 1 }];
    if (random.chance(0.5)) seats.unshift({ role: ParticipationRole.CHAIRPERSON, count: 1, senior: true });
    return { ref: `${prefix}-keynote`, kind: SessionKind.KEYNOTE, title, heading: `• ${title}`, seats };
  }

  private plenary(ref: string): SessionInput {
    const { random } = this.edition;
    const [theme] = this.themes(1);
    const title = fill(random.pick(PLENARY_TITLES), this.frameValues(theme!));
    return {
      ref,
      kind: SessionKind.PLENARY,
      title,
      keyIssues: random.sample(theme!.issues, random.int(0, 2)),
      heading: `• Plenary: ${title}`,
      seats: [
        { role: ParticipationRole.CHAIRPERSON, count: 1, senior: random.chance(0.5) },
        { role: ParticipationRole.PRESENTER, count: random.int(2, 5) },
        { role: ParticipationRole.PANELLIST, count: random.int(1, 4), withPosition: 0.6 },
      ],
    };
  }

  private roundTable(prefix: string): SessionInput {
    const { random } = this.edition;
    const [theme] = this.themes(1);
    const title = fill(random.pick(ROUND_TABLE_TITLES), this.frameValues(theme!));
    return {
      ref: `${prefix}-round-table`,
      kind: SessionKind.ROUND_TABLE,
      title,
      keyIssues: random.sample(theme!.issues, random.int(0, 3)),
      heading: `• Round table discussions: ${title}`,
      seats: [
        { role: ParticipationRole.FACILITATOR, count: 1, senior: random.chance(0.5) },
        { role: ParticipationRole.PANELLIST, count: random.int(5, 10), withPosition: 0.5 },
      ],
    };
  }

  private breakaway(ref: string, several: boolean): SessionInput & { children: SessionInput[] } {
    const { random } = this.edition;
    const title = several ? `Parallel Commissions ${ref.slice(-1)}` : 'Breakaway Commissions';
    const themes = this.themes(random.int(3, 5));
    return {
      ref,
      kind: SessionKind.BREAKAWAY,
      title,
      heading: `• ${title}`,
      seats: random.chance(0.3) ? [{ role: ParticipationRole.CHAIRPERSON, count: 1, senior: true }] : [],
      children: themes.map((theme, index) => ({
        ref: `${ref}-commission-${index + 1}`,
        kind: SessionKind.COMMISSION,
        number: index + 1,
        title: theme.title,
        keyIssues: random.sample(theme.issues, random.int(2, 3)),
        heading: `• Commission ${index + 1}: ${theme.title}`,
        seats: [
          { role: ParticipationRole.FACILITATOR, count: 1 },
          { role: ParticipationRole.PRESENTER, count: random.int(2, 4) },
          { role: ParticipationRole.PANELLIST, count: random.int(2, 6), withPosition: 0.6 },
        ],
      })),
    };
  }

  private galaDinner(prefix: string): SessionInput {
    const { random } = this.edition;
    const [theme] = this.themes(1);
    const description = fill(random.pick(GALA_DESCRIPTIONS), { a: theme!.phrase, A: capitalise(theme!.phrase) });
    return {
      ref: `${prefix}-gala-dinner`,
      kind: SessionKind.GALA_DINNER,
      title: 'Gala Dinner',
      description,
      heading: `• Gala Dinner – ${description}`,
      seats: [{ role: ParticipationRole.SPEAKER, count: random.int(1, 2), senior: true, withPosition: 1 }],
    };
  }

  private other(prefix: string, session: { title: string; description?: string }): SessionInput {
    return {
      ref: `${prefix}-${slugify(session.title)}`,
      kind: SessionKind.OTHER,
      title: session.title,
      description: session.description,
      heading: `• ${session.title}`,
      seats: [],
    };
  }

  private writeSession(dayId: number, parentId: number | null, input: SessionInput & { children?: SessionInput[] }): void {
    const { ids, page, rows, conferenceId } = this.edition;
    const id = ids.next('session');
    rows.session.push({
      id,
      conference_id: conferenceId,
      day_id: dayId,
      parent_id: parentId,
      ref: input.ref,
      ordinal: this.ordinal++,
      kind: input.kind,
      title: input.title,
      number: input.number ?? null,
      description: input.description ?? null,
      key_issues: input.keyIssues ?? [],
    });
    const indent = parentId === null ? 2 : 4;
    page.line(input.heading, indent, { kind: CitedKind.SESSION, subjectId: id });
    if (input.description && input.kind !== SessionKind.GALA_DINNER) page.line(input.description, indent + 2);
    const taken = new Set<number>();
    let ordinal = 0;
    for (const seat of input.seats) ordinal = this.seat(seat, { dayId: null, sessionId: id }, taken, ordinal, ', ', indent + 2);
    if (input.keyIssues && input.keyIssues.length > 0) {
      page.line('Key Issues:', indent + 2);
      for (const issue of input.keyIssues) page.line(`• ${issue}`, indent + 2);
    }
    for (const child of input.children ?? []) this.writeSession(dayId, id, child);
  }

  /**
   * Casts `seat.count` distinct people into a role and writes their lines:
   * "Facilitator: Dr C Nwaila, Director-General, Free State", or for a
   * panellist "• Ms V Petersen". Returns the next ordinal.
   */
  private seat(
    seat: Seat,
    place: { dayId: number | null; sessionId: number | null },
    taken: Set<number>,
    firstOrdinal: number,
    separator: string,
    indent = 0,
  ): number {
    const { random, cast, series, year, startDate, positions, page, rows, ids } = this.edition;
    let ordinal = firstOrdinal;
    for (let seatIndex = 0; seatIndex < seat.count; seatIndex++) {
      // Someone busy elsewhere today is drawn again; someone already in this session must be (the
      // participation's natural key allows a person once per role and session), or the seat stays empty.
      let index = cast.pick(random, series.sector, seat.senior ?? false);
      for (let attempt = 0; (taken.has(index) || this.busyToday.has(index)) && attempt < 10; attempt++) {
        index = cast.pick(random, series.sector, seat.senior ?? false);
      }
      if (taken.has(index)) continue;
      taken.add(index);
      this.busyToday.add(index);
      const person = this.edition.person(index);
      const step = careerStepIn(person, year);
      const positionId = random.chance(seat.withPosition ?? 0.95) ? positions.idFor(person, step, startDate, rows.position) : null;
      const id = ids.next('participation');
      rows.participation.push({
        id,
        person_id: person.id,
        role: seat.role,
        session_id: place.sessionId,
        day_id: place.dayId,
        position_id: positionId,
        ordinal: ordinal++,
      });
      const label = ROLE_LABELS[seat.role];
      const named = seat.role === ParticipationRole.PANELLIST ? `${label} ${person.programmeName}` : `${label}: ${person.programmeName}`;
      const held = person.career[step]!;
      const text = positionId === null ? named : `${named}${separator}${held.acting ? 'Acting ' : ''}${held.title}, ${held.organisation.label}`;
      page.line(text, indent, { kind: CitedKind.PARTICIPATION, subjectId: id });
    }
    return ordinal;
  }

  /** `count` distinct themes, mostly this edition's own. */
  private themes(count: number): Theme[] {
    const { random, themes } = this.edition;
    const chosen: Theme[] = [];
    for (let attempt = 0; chosen.length < count && attempt < 50; attempt++) {
      const theme = random.chance(0.6) ? random.pick(themes) : random.pick(THEMES);
      if (!chosen.includes(theme)) chosen.push(theme);
    }
    return chosen;
  }

  private frameValues(theme: Theme): Record<string, string> {
    const { random, year } = this.edition;
    const challenges = CHALLENGES.filter((challenge) => challenge.from <= year && year <= challenge.to);
    return { a: theme.phrase, A: capitalise(theme.phrase), sphere: random.pick(SPHERES), challenge: random.pick(challenges).text };
  }
}
