import type { OrganisationInput } from '../corpus.schema.js';
import type { OrganisationName } from './people.js';
import { provinceIn, slugify } from './text.js';

/** One organisation however often and however spelt the document names it. */
export type OrganisationEntry = {
  name: string;
  acronym?: string;
  aliases: string[];
  excerpts: string[];
};

/** Keyed by the acronym where one is written ("dpsa"), else by the name ("university-of-pretoria"). */
export function organisationKey(entry: OrganisationEntry): string {
  return slugify(entry.acronym ?? entry.name);
}

type Classification = Pick<OrganisationInput, 'kind' | 'sphere'>;

/**
 * A first guess from the words of the name alone, for the curator to confirm;
 * a name that says nothing about its kind is OTHER.
 */
export function classifyOrganisation(name: string): Classification {
  if (/\b(?:University|Universiteit|Technikon)\b/i.test(name)) return { kind: 'UNIVERSITY' };
  if (/\bPolice\b/i.test(name)) return { kind: 'POLICE_SERVICE', sphere: 'NATIONAL' };
  if (/\b(?:Municipality|Metropolitan)\b/i.test(name)) return { kind: 'MUNICIPALITY', sphere: 'LOCAL' };
  if (/\bForum\b/i.test(name)) return { kind: 'FORUM' };
  const province = provinceIn(name);
  const governmentOf = (place: string) =>
    new RegExp(`^(?:${place}(?: Province| Provincial Government)?|Provincial Government of (?:the )?${place})$`, 'i');
  if (province && governmentOf(province).test(name.trim())) return { kind: 'PROVINCIAL_GOVERNMENT', sphere: 'PROVINCIAL' };
  if (!province && /^(?:the )?Department of\b/i.test(name)) return { kind: 'NATIONAL_DEPARTMENT', sphere: 'NATIONAL' };
  return { kind: 'OTHER', ...(province ? { sphere: 'PROVINCIAL' as const } : {}) };
}

/** Collects the organisations a document names, merging spellings, acronyms and expansions. */
export class Organisations {
  private readonly entries: OrganisationEntry[] = [];

  mention(written: OrganisationName, excerpt: string): OrganisationEntry {
    const acronym = written.acronym ?? (/^[A-Z]{2,}$/.test(written.name) ? written.name : undefined);
    // "Office of the Premier" and "Office of the Premier, Mpumalanga" on one page are one office.
    const withoutProvince = (name: string) => {
      const comma = name.lastIndexOf(',');
      return comma > 0 && provinceIn(name.slice(comma + 1)) === name.slice(comma + 1).trim() ? name.slice(0, comma) : name;
    };
    const same = (entry: OrganisationEntry) =>
      [entry.name, ...entry.aliases].some((name) => slugify(withoutProvince(name)) === slugify(withoutProvince(written.name))) ||
      (acronym !== undefined && entry.acronym === acronym) ||
      (entry.acronym !== undefined && entry.acronym === written.name);
    let entry = this.entries.find(same);
    if (!entry) {
      entry = { name: written.name, aliases: [], excerpts: [], ...(acronym ? { acronym } : {}) };
      this.entries.push(entry);
    } else {
      if (acronym && !entry.acronym) entry.acronym = acronym;
      if ((entry.name === entry.acronym && written.name !== acronym) || withoutProvince(written.name) === entry.name) {
        // The fuller name wins: the one the acronym stands for, or the one that says which province.
        if (entry.name !== entry.acronym && entry.name !== written.name) entry.aliases.push(entry.name);
        entry.name = written.name;
      } else if (written.name !== entry.name && written.name !== entry.acronym && !entry.aliases.includes(written.name)) {
        entry.aliases.push(written.name);
      }
    }
    if (!entry.excerpts.includes(excerpt)) entry.excerpts.push(excerpt);
    return entry;
  }

  records(sourceKey: string): OrganisationInput[] {
    return this.entries.map((entry) => ({
      key: organisationKey(entry),
      name: entry.name,
      ...(entry.acronym ? { acronym: entry.acronym } : {}),
      aliases: entry.aliases,
      ...classifyOrganisation(entry.name),
      objectives: [],
      priorityAreas: [],
      topics: [],
      cite: entry.excerpts.map((excerpt) => ({ source: sourceKey, excerpt })),
    }));
  }
}
