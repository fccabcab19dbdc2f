import type { PersonInput } from '../corpus.schema.js';
import { organisationKey, type OrganisationEntry, type Organisations } from './organisations.js';
import { personKey, type PersonLine } from './people.js';
import { slugify } from './text.js';

export type PositionEntry = {
  title: string;
  acting: boolean;
  organisation?: OrganisationEntry;
  asOf?: string;
  excerpts: string[];
};

export type PersonEntry = {
  key: string;
  honorific?: string;
  initials?: string;
  givenNames?: string;
  surname: string;
  aliases: string[];
  excerpts: string[];
  positions: PositionEntry[];
};

/** "acting-chief-executive-officer-cpsi": the title, then the organisation's key. */
export function positionKey(position: PositionEntry): string {
  return slugify([position.acting ? 'acting' : '', position.title, position.organisation ? organisationKey(position.organisation) : ''].join(' '));
}

function add(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/**
 * The people a document names, one entry per person however often they
 * appear, with every verbatim spelling and every position stated for them.
 */
export class Roster {
  private readonly people = new Map<string, PersonEntry>();

  constructor(private readonly organisations: Organisations) {}

  add(line: PersonLine, excerpt: string, asOf?: string): { person: PersonEntry; position?: PositionEntry } {
    const { name } = line;
    if (line.organisation) this.organisations.mention(line.organisation, excerpt);
    // "Minister Zulu" after "Ms Thandeka Zulu": a surname alone is the one person of that surname already named.
    const sameSurname = [...this.people.values()].filter((known) => known.surname === name.surname);
    const key = !name.initials && !name.givenNames && sameSurname.length === 1 ? sameSurname[0]!.key : personKey(name);
    let person = this.people.get(key);
    if (!person) {
      person = {
        key,
        surname: name.surname,
        aliases: [],
        excerpts: [],
        positions: [],
        ...(name.honorific ? { honorific: name.honorific } : {}),
        ...(name.initials ? { initials: name.initials } : {}),
        ...(name.givenNames ? { givenNames: name.givenNames } : {}),
      };
      this.people.set(key, person);
    }
    person.honorific ??= name.honorific;
    add(person.aliases, name.written);
    add(person.excerpts, excerpt);
    if (!line.position) return { person };
    const { title, acting, organisation } = line.position;
    const organisationEntry = organisation ? this.organisations.mention(organisation, excerpt) : undefined;
    const candidate: PositionEntry = {
      title,
      acting,
      excerpts: [],
      ...(organisationEntry ? { organisation: organisationEntry } : {}),
      ...(asOf ? { asOf } : {}),
    };
    // Titles differing only in case or punctuation are one position, as their keys would clash.
    let position = person.positions.find((known) => positionKey(known) === positionKey(candidate));
    if (!position) {
      position = candidate;
      person.positions.push(position);
    }
    add(position.excerpts, excerpt);
    return { person, position };
  }

  records(sourceKey: string): PersonInput[] {
    const cite = (excerpts: string[]) => excerpts.map((excerpt) => ({ source: sourceKey, excerpt }));
    return [...this.people.values()].map((person) => ({
      key: person.key,
      ...(person.honorific ? { honorific: person.honorific } : {}),
      ...(person.initials ? { initials: person.initials } : {}),
      ...(person.givenNames ? { givenNames: person.givenNames } : {}),
      surname: person.surname,
      aliases: person.aliases,
      positions: person.positions.map((position) => ({
        key: positionKey(position),
        title: position.title,
        ...(position.organisation ? { organisation: organisationKey(position.organisation) } : {}),
        acting: position.acting,
        ...(position.asOf ? { asOf: position.asOf } : {}),
        cite: cite(position.excerpts),
      })),
      cite: cite(person.excerpts),
    }));
  }
}
