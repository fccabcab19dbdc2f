import type { IdSequence } from './ids.js';
import type { OrganisationWorld, Sector, SynthOrganisation } from './organisations.js';
import { Random } from './random.js';
import { FIRST_YEAR, LAST_YEAR, type ScalePlan } from './scale.js';
import type { Row } from './tables.js';
import { NameBook, slugify } from './text.js';
import { THEMES, type Theme } from './vocabulary/themes.js';

export type SynthSeries = {
  id: number;
  slug: string;
  name: string;
  organiser: SynthOrganisation;
  sector: Sector;
  firstYear: number;
  /** The month editions are usually held in (1-12). */
  month: number;
  attendance: number;
  /** Index into VENUES of the venue most editions use. */
  homeVenue: number;
  /** Themes the series returns to, so that topic timelines differ between series. */
  favourites: Theme[];
  row: Row<'conference_series'>;
};

const SERIES_SECTORS: ReadonlyArray<readonly [Sector, number]> = [
  ['national', 30],
  ['provincial', 20],
  ['local', 25],
  ['academic', 10],
  ['other', 15],
];

const NAME_FORMS: Record<Sector, readonly string[]> = {
  national: ['{org} Senior Management Conference', '{org} Leadership Lekgotla', '{org} Management Indaba'],
  provincial: ['{org} Senior Management Service Lekgotla', '{org} Public Service Leadership Summit', '{org} Heads of Department Conference'],
  local: ['{org} Leadership Summit', '{org} Local Government Indaba', '{org} Council and Administration Lekgotla'],
  academic: ['{org} Public Administration Colloquium', '{org} Conference on Public Leadership'],
  other: ['{org} Annual Conference', '{org} Leadership Summit'],
};

/** Themes each sector's conferences keep coming back to. */
const SECTOR_THEMES: Record<Sector, readonly string[]> = {
  national: ['the single public service', 'performance management', 'leadership development', 'monitoring and evaluation'],
  provincial: ['service delivery', 'intergovernmental relations', 'organisational performance management', 'risk management'],
  local: ['council support', 'mayoral support', 'public participation', 'integrated development planning', 'local economic development', 'capacity building'],
  academic: ['leadership development', 'learning and development', 'public sector innovation', 'knowledge management'],
  other: ['governance and accountability', 'fraud and corruption', 'internal audit', 'women in leadership'],
};

/** A series is named after its organiser; a province's or a municipality's after the place alone. */
function organiserWords(organiser: SynthOrganisation): string {
  return organiser.name
    .replace(/ Provincial Government$/, '')
    .replace(/ (Local|District) Municipality$/, '')
    .replace(/^(City of .*) Metropolitan Municipality$/, '$1');
}

export function buildSeries(seed: number, plan: ScalePlan, world: OrganisationWorld, ids: IdSequence, venueCount: number): SynthSeries[] {
  const random = new Random(seed, 'series');
  const names = new NameBook(['Senior Management Service Conference']);
  const slugs = new Set<string>();
  const available = new Map(Object.entries(world.organisers).map(([sector, list]) => [sector as Sector, [...list]]));
  const series: SynthSeries[] = [];
  for (let index = 0; index < plan.series; index++) {
    let sector = random.weighted(SERIES_SECTORS);
    if (available.get(sector)!.length === 0) sector = [...available.keys()].find((other) => available.get(other)!.length > 0) ?? sector;
    // Each organiser runs one series while organisers last; past that, series share organisers.
    const candidates = available.get(sector)!;
    const organiser = candidates.length > 0 ? candidates.splice(random.int(0, candidates.length - 1), 1)[0]! : random.pick(world.organisers[sector].length > 0 ? world.organisers[sector] : world.organisers.national);
    const name = names.unique(() => random.pick(NAME_FORMS[organiser.sector]).replace('{org}', organiserWords(organiser)));
    const id = ids.next('conference_series');
    // Distinct names almost always slug apart; the index settles the rare case where they do not.
    let slug = `synth-${slugify(name)}`;
    if (slugs.has(slug)) slug = `${slug}-${index + 1}`;
    slugs.add(slug);
    const own = THEMES.filter((theme) => SECTOR_THEMES[organiser.sector].includes(theme.phrase));
    series.push({
      id,
      slug,
      name,
      organiser,
      sector: organiser.sector,
      firstYear: random.int(FIRST_YEAR, LAST_YEAR - plan.yearsPerSeries + 1),
      month: random.int(2, 11),
      attendance: random.int(3, 24) * 50,
      homeVenue: random.int(0, venueCount - 1),
      favourites: [...random.sample(own, 2), ...random.sample(THEMES, 2)],
      row: { id, slug, name, organiser_id: organiser.id },
    });
  }
  return series;
}
