import { DocumentationStatus } from '../entities/enums.js';

/**
 * How a value an imported source states meets the value already known.
 * Pure functions: the record writer (record-writer.ts) applies the verdicts,
 * reports them and stores the conflicts as claims.
 *
 * - `take`: the field was empty (or held a less specific value); the source's
 *   value is taken.
 * - `same`: nothing to do.
 * - `keep`: the source's value says less than the known one (a generic kind,
 *   an abbreviation, an older date); the known value stays, silently.
 * - `conflict`: the source says something different; the known value stays
 *   and the source's value becomes a competing claim for an editor to decide.
 */
export type Verdict<V> = { kind: 'take'; value: V } | { kind: 'same' } | { kind: 'keep' } | { kind: 'conflict'; value: V };

/** What kind of fact a field holds, which decides how a source's value merges into it. */
export type FieldRule =
  /** One value: a different value is a conflict. */
  | 'value'
  /** A list of names or spellings: every form seen is kept. */
  | 'union'
  /** A classification whose OTHER is the generic case: specific beats generic. */
  | 'kind'
  /** DOCUMENTED says more than REFERENCED. */
  | 'documentation'
  /** Where a record sits in its source's listing: the known placement stays. */
  | 'placement';

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Compares references by id, arrays by content, absent as null. */
export function sameValue(stored: unknown, given: unknown): boolean {
  return JSON.stringify(comparable(stored)) === JSON.stringify(comparable(given));
}

export function comparable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && 'id' in value) return value.id;
  return value;
}

const GENERIC = 'OTHER';

export function decideField<V>(rule: FieldRule, stored: V, given: V): Verdict<V> {
  if (isEmpty(given) || sameValue(stored, given)) return { kind: 'same' };
  if (isEmpty(stored)) return { kind: 'take', value: given };
  switch (rule) {
    case 'union': {
      const known = stored as unknown as string[];
      const added = (given as unknown as string[]).filter((item) => !known.includes(item));
      return added.length === 0 ? { kind: 'same' } : { kind: 'take', value: [...known, ...added] as unknown as V };
    }
    case 'kind':
      if (given === GENERIC) return { kind: 'keep' };
      if (stored === GENERIC) return { kind: 'take', value: given };
      return { kind: 'conflict', value: given };
    case 'documentation':
      return given === DocumentationStatus.DOCUMENTED ? { kind: 'take', value: given } : { kind: 'keep' };
    case 'placement':
      return { kind: 'keep' };
    case 'value':
      return { kind: 'conflict', value: given };
  }
}

const initialsOf = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('');

/** "SAPS" abbreviates "South African Police Service": its letters are the initials of the capitalised words. */
export function abbreviates(short: string, long: string): boolean {
  const letters = short.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters.length < long.length && letters === letters.toUpperCase() && letters === initialsOf(long);
}

export type NameVerdict =
  | { kind: 'same' }
  /** The known name stays; the source's form is kept as the acronym or an alias. */
  | { kind: 'keep'; acronym?: string; alias?: string }
  /** The source's fuller form becomes the name; the known abbreviation is kept. */
  | { kind: 'fuller'; name: string; acronym?: string; alias: string }
  | { kind: 'conflict'; value: string };

/**
 * An organisation's name: an acronym found on a page becomes the acronym,
 * never the name; the longer, fuller form wins over an abbreviation; every
 * form seen is kept.
 */
export function decideOrganisationName(known: { name: string; acronym?: string | null; aliases: string[] }, given: string): NameVerdict {
  if (given === known.name) return { kind: 'same' };
  if (given === known.acronym || known.aliases.includes(given)) return { kind: 'keep' };
  if (abbreviates(given, known.name)) return known.acronym ? { kind: 'keep', alias: given } : { kind: 'keep', acronym: given };
  if (abbreviates(known.name, given)) {
    return known.acronym ? { kind: 'fuller', name: given, alias: known.name } : { kind: 'fuller', name: given, acronym: known.name, alias: known.name };
  }
  return { kind: 'conflict', value: given };
}

export type DatedVerdict = { kind: 'same' } | { kind: 'widen'; asOf: string; latestAsOf: string | null };

/**
 * A position holding is a dated fact: a source of another date widens the
 * range over which it is known to be held (asOf … latestAsOf); the earliest
 * date stays the holding's as-of date.
 */
export function decideHolding(known: { asOf?: string | null; latestAsOf?: string | null }, given: string | null | undefined): DatedVerdict {
  if (!given) return { kind: 'same' };
  if (!known.asOf) return { kind: 'widen', asOf: given, latestAsOf: known.latestAsOf ?? null };
  const dates = [known.asOf, known.latestAsOf, given].filter((date): date is string => Boolean(date)).sort();
  const asOf = dates[0]!;
  const latest = dates[dates.length - 1]!;
  const latestAsOf = latest === asOf ? null : latest;
  if (asOf === known.asOf && latestAsOf === (known.latestAsOf ?? null)) return { kind: 'same' };
  return { kind: 'widen', asOf, latestAsOf };
}
