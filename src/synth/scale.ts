/**
 * How big the synthetic world is at a scale. Scale 1 is about 30 series of
 * 25 yearly editions (750 conferences), 40,000 people and 5,000
 * organisations; sessions (about 33 an edition) and participations (about 6
 * a session) follow from the programmes. Scale 10 has ten times as many
 * series, organisations and people, each series still 25 years long: the
 * years stay within 1995..2030, where a series' editions are spread.
 * Below scale 1/30 there is one series with proportionally fewer editions.
 */
export type ScalePlan = {
  series: number;
  yearsPerSeries: number;
  people: number;
  nationalDepartments: number;
  provinces: number;
  municipalities: number;
  universities: number;
  publicEntities: number;
  constitutionalBodies: number;
  forums: number;
  businesses: number;
};

export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2030;
const YEARS_PER_SERIES = 25;

/** At least one of everything, so even a tiny corpus has every kind of record. */
const atLeastOne = (value: number) => Math.max(1, Math.round(value));

export function planScale(scale: number): ScalePlan {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, not ${scale}`);
  if (scale > 100) throw new RangeError(`scale ${scale} is beyond what the generator is meant for (at most 100)`);
  const series = atLeastOne(30 * scale);
  return {
    series,
    yearsPerSeries: Math.min(YEARS_PER_SERIES, atLeastOne((750 * scale) / series)),
    people: atLeastOne(40_000 * scale),
    // Organisations per unit: a national department has 26 (5 branches of 4
    // chief directorates), a province 31 (10 departments of 2 units), a
    // municipality 16 (5 departments of 2 sections), a university 3.
    nationalDepartments: atLeastOne(40 * scale),
    provinces: atLeastOne(9 * scale),
    municipalities: atLeastOne(215 * scale),
    universities: atLeastOne(25 * scale),
    publicEntities: atLeastOne(60 * scale),
    constitutionalBodies: atLeastOne(8 * scale),
    forums: atLeastOne(12 * scale),
    businesses: atLeastOne(40 * scale),
  };
}
