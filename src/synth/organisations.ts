import { GovernmentSphere, OrganisationKind } from '../entities/enums.js';
import type { LadderName } from './careers.js';
import type { IdSequence } from './ids.js';
import { Random } from './random.js';
import type { ScalePlan } from './scale.js';
import type { Row } from './tables.js';
import { acronymOf, NameBook, slugify } from './text.js';
import {
  CHIEF_DIRECTORATES,
  CONSTITUTIONAL_BODIES,
  FORUMS,
  FORUM_SUBJECTS,
  MUNICIPAL_DEPARTMENTS,
  MUNICIPAL_SECTIONS,
  NATIONAL_BRANCHES,
  NATIONAL_PORTFOLIOS,
  PORTFOLIO_WORDS,
  PROVINCES,
  PROVINCIAL_PORTFOLIOS,
  PROVINCIAL_UNITS,
  PUBLIC_ENTITIES,
  UNIVERSITIES,
  UNIVERSITY_SCHOOLS,
  BUSINESS_FORMS,
} from './vocabulary/organisations.js';
import { SURNAMES } from './vocabulary/names.js';
import { placeName } from './vocabulary/places.js';
import { THEMES } from './vocabulary/themes.js';

/** Which part of the public sector an organisation (and the people in it) belongs to. */
export type Sector = 'national' | 'provincial' | 'local' | 'academic' | 'other';
export const SECTORS: readonly Sector[] = ['national', 'provincial', 'local', 'academic', 'other'];

export type SynthOrganisation = {
  id: number;
  name: string;
  kind: OrganisationKind;
  parent: SynthOrganisation | null;
  sector: Sector;
  /** How a programme names it after a person's title: "Internal Audit, Department of Health (DoH)". */
  label: string;
  /** The career ladder of people based here, for organisations people start in. */
  ladder: LadderName | null;
  /** Whether its name says where it is (a province's "Gauteng Department of Health"); parts of it are labelled after it. */
  standsAlone: boolean;
};

export type OrganisationWorld = {
  all: SynthOrganisation[];
  /** Where careers of officials start, by sector. */
  homes: Record<Sector, SynthOrganisation[]>;
  /** Where careers of political office bearers start, by sector. */
  politicalHomes: Record<Sector, SynthOrganisation[]>;
  /** Top-level organisations, which organise conference series. */
  organisers: Record<Sector, SynthOrganisation[]>;
  rows: Array<Row<'organisation'>>;
};

/** Seed-corpus names no synthetic organisation may take. */
const SEED_NAMES = [
  'Department of Public Service and Administration',
  'Free State Provincial Government',
  'Centre for Public Service Innovation',
  'University of Pretoria',
  'South African Police Service',
  'Sport and Recreation South Africa',
  'Public Service Commission',
  "SMS Women's Forum",
  'Strategic Executive Management Services',
];

/** The n-th name of a list, or an invented one once the list is used up. */
function listedOr(list: readonly string[], index: number, invent: () => string): string {
  return index < list.length ? list[index]! : invent();
}

/**
 * Builds the organisations of a scale: national departments with branches
 * and chief directorates, provinces with departments and units,
 * municipalities with departments and sections, universities with schools,
 * and stand-alone public entities, constitutional bodies, forums and firms.
 */
export function buildOrganisations(seed: number, plan: ScalePlan, ids: IdSequence): OrganisationWorld {
  const random = new Random(seed, 'organisations');
  const topNames = new NameBook(SEED_NAMES);
  const world: OrganisationWorld = {
    all: [],
    homes: { national: [], provincial: [], local: [], academic: [], other: [] },
    politicalHomes: { national: [], provincial: [], local: [], academic: [], other: [] },
    organisers: { national: [], provincial: [], local: [], academic: [], other: [] },
    rows: [],
  };

  const add = (input: {
    name: string;
    kind: OrganisationKind;
    sphere: GovernmentSphere | null;
    parent: SynthOrganisation | null;
    sector: Sector;
    acronym?: string;
    aliases?: string[];
    ladder?: LadderName;
    political?: LadderName;
    standsAlone?: boolean;
    mandate?: boolean;
  }): SynthOrganisation => {
    const id = ids.next('organisation');
    const standsAlone = input.standsAlone ?? input.parent === null;
    const own = input.acronym ? `${input.name} (${input.acronym})` : input.name;
    const organisation: SynthOrganisation = {
      id,
      name: input.name,
      kind: input.kind,
      parent: input.parent,
      sector: input.sector,
      label: standsAlone || !input.parent ? own : `${input.name}, ${standingOf(input.parent).label}`,
      ladder: input.ladder ?? input.political ?? null,
      standsAlone,
    };
    const themes = input.mandate ? random.sample(THEMES, random.int(2, 4)) : [];
    world.rows.push({
      id,
      key: `synth-o${world.all.length + 1}-${slugify(input.name)}`,
      name: input.name,
      acronym: input.acronym ?? null,
      aliases: input.aliases ?? [],
      kind: input.kind,
      sphere: input.sphere,
      parent_id: input.parent?.id ?? null,
      // Mandates and priority areas carry theme phrases, so organisations get topics too.
      objectives: themes.slice(0, 1).map((theme) => `To lead and coordinate ${theme.phrase} across its mandate.`),
      priority_areas: themes.slice(1).map((theme) => theme.title),
    });
    world.all.push(organisation);
    if (input.ladder) world.homes[organisation.sector].push(organisation);
    if (input.political) world.politicalHomes[organisation.sector].push(organisation);
    if (!organisation.parent && organisation.kind !== OrganisationKind.BUSINESS) world.organisers[organisation.sector].push(organisation);
    return organisation;
  };

  for (let index = 0; index < plan.nationalDepartments; index++) {
    const name = topNames.unique(() =>
      index < NATIONAL_PORTFOLIOS.length
        ? `Department of ${NATIONAL_PORTFOLIOS[index]}`
        : `Department of ${random.sample(PORTFOLIO_WORDS, 2).join(' and ')}`,
    );
    const department = add({
      name,
      kind: OrganisationKind.NATIONAL_DEPARTMENT,
      sphere: GovernmentSphere.NATIONAL,
      parent: null,
      sector: 'national',
      acronym: acronymOf(name),
      political: 'nationalPolitical',
      mandate: true,
    });
    for (const branchName of random.sample(NATIONAL_BRANCHES, 5)) {
      const branch = add({ name: branchName, kind: OrganisationKind.ORGANISATIONAL_UNIT, sphere: GovernmentSphere.NATIONAL, parent: department, sector: 'national' });
      for (const unitName of random.sample(CHIEF_DIRECTORATES, 4)) {
        add({ name: unitName, kind: OrganisationKind.ORGANISATIONAL_UNIT, sphere: GovernmentSphere.NATIONAL, parent: branch, sector: 'national', ladder: 'nationalUnit' });
      }
    }
  }

  for (let index = 0; index < plan.provinces; index++) {
    const provinceName = listedOr(PROVINCES, index, () => `${placeName(random)}`);
    const name = topNames.unique(() => `${provinceName} Provincial Government`);
    const province = add({
      name,
      kind: OrganisationKind.PROVINCIAL_GOVERNMENT,
      sphere: GovernmentSphere.PROVINCIAL,
      parent: null,
      sector: 'provincial',
      aliases: [provinceName],
      mandate: true,
    });
    const shortName = name.replace(/ Provincial Government$/, '');
    for (const portfolio of random.sample(PROVINCIAL_PORTFOLIOS, 10)) {
      const departmentName = portfolio.startsWith('Office') || portfolio.startsWith('Provincial') ? `${shortName} ${portfolio}` : `${shortName} Department of ${portfolio}`;
      const department = add({
        name: departmentName,
        kind: OrganisationKind.ORGANISATIONAL_UNIT,
        sphere: GovernmentSphere.PROVINCIAL,
        parent: province,
        sector: 'provincial',
        political: 'provincialPolitical',
        standsAlone: true,
        mandate: true,
      });
      for (const unitName of random.sample(PROVINCIAL_UNITS, 2)) {
        add({ name: unitName, kind: OrganisationKind.ORGANISATIONAL_UNIT, sphere: GovernmentSphere.PROVINCIAL, parent: department, sector: 'provincial', ladder: 'provincialUnit' });
      }
    }
  }

  for (let index = 0; index < plan.municipalities; index++) {
    let place = '';
    const name = topNames.unique(() => {
      place = placeName(random);
      const form = random.weighted([['local', 70], ['district', 22], ['metro', 8]] as const);
      return form === 'metro' ? `City of ${place} Metropolitan Municipality` : `${place} ${form === 'local' ? 'Local' : 'District'} Municipality`;
    });
    const municipality = add({
      name,
      kind: OrganisationKind.MUNICIPALITY,
      sphere: GovernmentSphere.LOCAL,
      parent: null,
      sector: 'local',
      aliases: [place],
      political: 'localPolitical',
      mandate: true,
    });
    for (const departmentName of random.sample(MUNICIPAL_DEPARTMENTS, 5)) {
      const department = add({ name: departmentName, kind: OrganisationKind.MUNICIPAL_DEPARTMENT, sphere: GovernmentSphere.LOCAL, parent: municipality, sector: 'local' });
      for (const sectionName of random.sample(MUNICIPAL_SECTIONS, 2)) {
        add({ name: sectionName, kind: OrganisationKind.ORGANISATIONAL_UNIT, sphere: GovernmentSphere.LOCAL, parent: department, sector: 'local', ladder: 'municipalSection' });
      }
    }
  }

  for (let index = 0; index < plan.universities; index++) {
    const name = topNames.unique(() =>
      listedOr(UNIVERSITIES, index, () => (random.chance(0.6) ? `University of ${placeName(random)}` : `${placeName(random)} University of Technology`)),
    );
    const university = add({ name, kind: OrganisationKind.UNIVERSITY, sphere: null, parent: null, sector: 'academic' });
    for (const schoolName of random.sample(UNIVERSITY_SCHOOLS, 2)) {
      add({ name: schoolName, kind: OrganisationKind.ORGANISATIONAL_UNIT, sphere: null, parent: university, sector: 'academic', ladder: 'academicSchool' });
    }
  }

  const standAlone = (count: number, list: readonly string[], invent: () => string, kind: OrganisationKind, sphere: GovernmentSphere | null, ladder: LadderName) => {
    for (let index = 0; index < count; index++) {
      const name = topNames.unique(() => listedOr(list, index, invent));
      const acronym = kind === OrganisationKind.PUBLIC_ENTITY || kind === OrganisationKind.CONSTITUTIONAL_BODY ? acronymOf(name) : undefined;
      add({ name, kind, sphere, parent: null, sector: 'other', acronym, ladder, mandate: kind !== OrganisationKind.BUSINESS });
    }
  };
  standAlone(
    plan.publicEntities,
    PUBLIC_ENTITIES,
    () => `${placeName(random)} ${random.pick(['Development Agency', 'Water Board', 'Economic Development Agency'])}`,
    OrganisationKind.PUBLIC_ENTITY,
    GovernmentSphere.NATIONAL,
    'publicEntity',
  );
  standAlone(plan.constitutionalBodies, CONSTITUTIONAL_BODIES, () => `Office of the ${placeName(random)} Ombud`, OrganisationKind.CONSTITUTIONAL_BODY, GovernmentSphere.NATIONAL, 'constitutionalBody');
  standAlone(plan.forums, FORUMS, () => `${random.pick(PROVINCES)} ${random.pick(FORUM_SUBJECTS)} Forum`, OrganisationKind.FORUM, null, 'forum');
  standAlone(
    plan.businesses,
    [],
    () =>
      random
        .pick(BUSINESS_FORMS)
        .replace('{surname}', random.pick(SURNAMES))
        .replace('{other}', random.pick(SURNAMES))
        .replace('{place}', placeName(random)),
    OrganisationKind.BUSINESS,
    null,
    'business',
  );
  return world;
}

/** The nearest organisation, from this one up, whose name says where it is. */
function standingOf(organisation: SynthOrganisation): SynthOrganisation {
  let found = organisation;
  while (!found.standsAlone && found.parent) found = found.parent;
  return found;
}

/** The organisation `up` levels above (a Deputy Director-General heads the branch above a chief directorate). */
export function ancestor(organisation: SynthOrganisation, up: number): SynthOrganisation {
  let found = organisation;
  for (let level = 0; level < up && found.parent; level++) found = found.parent;
  return found;
}
