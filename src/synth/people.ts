import { displayNameOf } from '../ingest/person-names.js';
import { LADDERS, PROFESSORIAL_TITLES, type Rung } from './careers.js';
import { ancestor, SECTORS, type OrganisationWorld, type Sector, type SynthOrganisation } from './organisations.js';
import { Random } from './random.js';
import type { Row } from './tables.js';
import { slugify } from './text.js';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES } from './vocabulary/names.js';

export type CareerStep = { title: string; organisation: SynthOrganisation; acting: boolean };

export type SynthPerson = {
  index: number;
  id: number;
  /** How programmes print the name: "Ms NP Dlamini". */
  programmeName: string;
  career: CareerStep[];
  /** The year the career's first step began, and how many years each step lasts. */
  careerStart: number;
  stepYears: number;
  sector: Sector;
  /** Whether the career reaches a rung programmes give the floor to (DG, HOD, Municipal Manager, Minister, Professor...). */
  senior: boolean;
  row: Row<'person'>;
};

const SECTOR_SHARES: ReadonlyArray<readonly [Sector, number]> = [
  ['national', 30],
  ['provincial', 20],
  ['local', 30],
  ['academic', 8],
  ['other', 12],
];
/** Political office bearers: most sit in municipal councils. */
const POLITICAL_SHARES: ReadonlyArray<readonly [Sector, number]> = [
  ['national', 25],
  ['provincial', 25],
  ['local', 50],
];

/** Where a career starts: usually an official's unit, now and then a political office. */
function homeOf(random: Random, world: OrganisationWorld): SynthOrganisation {
  const political = random.chance(0.04);
  const shares = political ? POLITICAL_SHARES : SECTOR_SHARES;
  const homes = political ? world.politicalHomes : world.homes;
  const sector = random.weighted(shares);
  const candidates = homes[sector].length > 0 ? homes[sector] : SECTORS.map((other) => world.homes[other]).find((list) => list.length > 0)!;
  return random.pick(candidates);
}

function careerOf(random: Random, home: SynthOrganisation): CareerStep[] {
  const rungs: readonly Rung[] = LADDERS[home.ladder!];
  // Most people enter at the lower rungs, and few climb to the top ones.
  const first = random.weighted(rungs.map((rung, index) => [index, rung.entry ?? (rungs.length - index) ** 2] as const));
  const length = random.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const steps: CareerStep[] = [];
  for (let index = first; index < Math.min(rungs.length, first + length); index++) {
    const rung = rungs[index]!;
    if (index > first && !random.chance(rung.reach ?? 1)) break;
    steps.push({ title: rung.title, organisation: ancestor(home, rung.up), acting: random.chance(0.06) });
  }
  return steps;
}

/** Surnames that can join into a double-barrelled one ("Fraser-Moleketi"). */
const BARRELS = SURNAMES.filter((name) => !name.includes(' '));

function surnameOf(random: Random): string {
  if (!random.chance(0.04)) return random.pick(SURNAMES);
  const [first, second] = random.sample(BARRELS, 2);
  return `${first}-${second}`;
}

/**
 * Person number `index` of the world: always the same person for the same
 * seed, computed afresh from its own random stream, so the generator never
 * needs to keep 400,000 people in memory to print their names.
 */
export function personAt(seed: number, index: number, firstId: number, world: OrganisationWorld): SynthPerson {
  const random = new Random(seed, 'person', index);
  const home = homeOf(random, world);
  const career = careerOf(random, home);
  const female = random.chance(0.5);
  const givenPool = female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
  const surname = surnameOf(random);
  const givenNames = random.chance(0.25) ? random.sample(givenPool, random.int(1, 2)).join(' ') : undefined;
  const initials = givenNames
    ? givenNames.split(' ').map((name) => name.charAt(0)).join(' ')
    : random.sample(givenPool, random.weighted([[1, 45], [2, 45], [3, 10]] as const)).map((name) => name.charAt(0)).join(' ');

  const titles = career.map((step) => step.title);
  let honorific: string;
  // An honorific is the person's, not the position's: a lecturer who later becomes a professor is printed as Dr throughout.
  if (PROFESSORIAL_TITLES.has(titles[0]!)) honorific = random.chance(0.85) ? 'Prof' : 'Dr';
  else if (titles.some((title) => PROFESSORIAL_TITLES.has(title))) honorific = 'Dr';
  else if (titles.includes('Commissioner') && random.chance(0.4)) honorific = 'Commissioner';
  else if (random.chance(0.14)) honorific = 'Dr';
  else if (home.sector !== 'academic' && random.chance(0.03)) honorific = 'Adv';
  else honorific = female ? (random.chance(0.2) ? 'Mrs' : 'Ms') : 'Mr';

  const programmeName = [honorific, givenNames ?? initials.replace(/ /g, ''), surname].join(' ');
  const id = firstId + index;
  return {
    index,
    id,
    programmeName,
    career,
    careerStart: random.int(1990, 2024),
    stepYears: random.int(3, 7),
    sector: home.sector,
    senior: career.some((step) => LADDERS[home.ladder!].find((rung) => rung.title === step.title)!.senior),
    row: {
      id,
      key: `synth-p${index + 1}-${slugify(surname)}-${initials.toLowerCase().replace(/ /g, '-')}`,
      display_name: displayNameOf({ honorific, initials, givenNames, surname }),
      honorific,
      initials,
      given_names: givenNames ?? null,
      surname,
      aliases: [programmeName],
    },
  };
}

/** Which step of the career a programme of `year` would name: the one held then. */
export function careerStepIn(person: SynthPerson, year: number): number {
  const step = Math.floor((year - person.careerStart) / person.stepYears);
  return Math.max(0, Math.min(person.career.length - 1, step));
}
