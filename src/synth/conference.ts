import { CitedKind, DocumentationStatus } from '../entities/enums.js';
import type { Cast } from './cast.js';
import { dayNumber, isoDate, printedDate, weekday } from './dates.js';
import { EventPage } from './event-page.js';
import type { IdSequence } from './ids.js';
import type { SynthPerson } from './people.js';
import type { PositionRegistry } from './positions.js';
import { ProgrammeWriter, type Edition } from './programme.js';
import { Random } from './random.js';
import type { SynthSeries } from './series.js';
import type { RowBatch } from './tables.js';
import { slugify } from './text.js';
import { SURNAMES } from './vocabulary/names.js';
import { AREA_CODES, VENUES } from './vocabulary/places.js';
import {
  AUDIENCES,
  BACKGROUNDS,
  BOOKINGS,
  capitalise,
  CONFERENCE_THEMES,
  fill,
  FOCI,
  OBJECTIVES,
} from './vocabulary/programme.js';
import { THEMES, type Theme } from './vocabulary/themes.js';

export type EditionInput = {
  seed: number;
  series: SynthSeries;
  year: number;
  ids: IdSequence;
  cast: Cast;
  positions: PositionRegistry;
  person: (index: number) => SynthPerson;
};

/** "the Department of Health", but "Stellenbosch University". */
function withArticle(name: string): string {
  return /University$|South Africa$|Associates$|Consulting$|Services$|Institute$/.test(name) ? name : `the ${name}`;
}

/** Five distinct themes for an edition, half of them the series' favourites. */
function editionThemes(random: Random, favourites: Theme[]): Theme[] {
  const themes: Theme[] = [];
  while (themes.length < 5) {
    const theme = random.chance(0.5) ? random.pick(favourites) : random.pick(THEMES);
    if (!themes.includes(theme)) themes.push(theme);
  }
  return themes;
}

/** A start date in the series' month, on a Monday, Tuesday or Wednesday so the days fall in the working week. */
function startDay(random: Random, year: number, month: number): number {
  let day = dayNumber(year, month, random.int(1, 24));
  while (![1, 2, 3].includes(weekday(day))) day += 1;
  return day;
}

/**
 * One edition of a series: the conference with its objectives and contact,
 * its days and programme, and the event page that documents it all, with
 * citations quoting the page for the conference, its days, sessions and
 * participations.
 */
export function buildEdition(input: EditionInput): RowBatch {
  const { series, year, ids } = input;
  // Each edition draws from a stream of its own, so one edition's draws never shift another's.
  const random = new Random(input.seed, `edition:${series.slug}`, year);
  const themes = editionThemes(random, series.favourites);
  const [a, b, c, d, e] = themes.map((theme) => theme.phrase) as [string, string, string, string, string];
  const conferenceId = ids.next('conference');
  const dayCount = random.weighted([[2, 30], [3, 50], [4, 20]] as const);
  const start = startDay(random, year, series.month);
  const [venueName, venueCity] = random.chance(0.5) ? VENUES[series.homeVenue]! : random.pick(VENUES);
  const audience = fill(AUDIENCES[series.sector], { organiser: series.organiser.name });
  const attendance = Math.max(50, series.attendance + random.int(-4, 4) * 50);
  const title = `${series.name} ${year}`;
  const themeFrames = CONFERENCE_THEMES.filter((frame) => year >= 2004 || !frame.includes('{years}'));
  const theme = fill(random.pick(themeFrames), { a, A: capitalise(a), b, B: capitalise(b), c, years: year - 1994 });
  const focus = fill(random.pick(FOCI), { year, a, A: capitalise(a), b, B: capitalise(b), c, d, e });
  const background = fill(random.pick(BACKGROUNDS), {
    series: series.name,
    first: series.firstYear,
    attendance,
    audience,
    organiser: withArticle(series.organiser.name),
    a,
    b,
    c,
  });
  const bookings = fill(random.pick(BOOKINGS), { closing: printedDate(start - random.int(10, 30)), audience });

  const rows: Edition['rows'] = { conference_day: [], session: [], position: [], participation: [] };
  const batch = {
    conference: [
      {
        id: conferenceId,
        series_id: series.id,
        year,
        title,
        theme,
        start_date: isoDate(start),
        end_date: isoDate(start + dayCount - 1),
        venue_name: venueName,
        venue_city: venueCity,
        audience: capitalise(audience),
        expected_attendance: attendance,
        documentation: DocumentationStatus.DOCUMENTED,
        focus,
        background,
        bookings,
      },
    ],
    // Sampled, then put back in list order so that objectives of one group stay together.
    objective: random
      .sample(OBJECTIVES, random.int(3, 6))
      .sort((left, right) => OBJECTIVES.indexOf(left) - OBJECTIVES.indexOf(right))
      .map((objective, ordinal) => ({
      id: ids.next('objective'),
      conference_id: conferenceId,
      ordinal,
      group: objective.group,
      text: fill(objective.text, { audience, a, b, since: year - random.int(2, 8) }),
    })),
    contact: [
      {
        id: ids.next('contact'),
        conference_id: conferenceId,
        name: `${String.fromCharCode(65 + random.int(0, 25))} ${random.pick(SURNAMES)}`,
        phone: `${random.pick(AREA_CODES)} ${random.int(200, 999)} ${random.int(1000, 9999)}`,
        email: `events@${slugify(series.organiser.name, 30)}.synth.invalid`,
        organisation_id: series.organiser.id,
      },
    ],
  } satisfies RowBatch;

  const page = new EventPage();
  const cite = { kind: CitedKind.CONFERENCE, subjectId: conferenceId };
  page.line(title, 0, cite);
  page.blank();
  page.line(theme, 0, cite);
  page.blank();
  page.line(`Date: ${printedDate(start)} - ${printedDate(start + dayCount - 1)}`, 0, cite);
  page.blank();
  page.line(`Venue: ${venueName}, ${venueCity}`, 0, cite);
  page.blank();
  page.line(`Intended audiences: ${capitalise(audience)}`, 0, cite);
  page.blank();
  page.line(background);
  page.blank();
  page.line(focus);
  page.blank();
  page.line(`The overall aim of the conference is to create a platform and an opportunity for ${audience} to convene as a group for the following reasons:`);
  let group: string | null = null;
  for (const objective of batch.objective) {
    if (objective.group !== group) {
      page.blank();
      page.line((group = objective.group));
    }
    page.line(`• ${objective.text}`, 2);
  }

  const edition: Edition = { ...input, random, conferenceId, startDate: isoDate(start), themes, page, rows };
  const writer = new ProgrammeWriter(edition);
  const galaDay = random.chance(0.7) ? random.int(1, Math.max(1, dayCount - 1)) : 0;
  for (let number = 1; number <= dayCount; number++) {
    const day = start + number - 1;
    writer.writeDay(number, isoDate(day), printedDate(day), { last: number === dayCount, galaDinner: number === galaDay });
  }

  const [contact] = batch.contact;
  page.blank();
  page.line(`Bookings: ${bookings}`);
  page.blank();
  page.line('Contact details:');
  page.line(contact!.name);
  page.line(`Tel: ${contact!.phone}`);
  page.line(`E-mail: ${contact!.email}`);

  const updated = random.chance(0.6) ? isoDate(start + random.int(1, 400)) : null;
  const { source, citations } = page.finish(ids, {
    key: `${series.slug}-${year}-event-page`,
    title,
    url: `https://events.synth.invalid/${series.slug}/${year}`,
    publisher_id: series.organiser.id,
    issued_on: isoDate(start - random.int(30, 120)),
    updated_on: updated,
  });
  return {
    ...batch,
    ...rows,
    source: [source],
    conference_source: [{ conference_id: conferenceId, source_id: source.id }],
    citation: citations,
  };
}
