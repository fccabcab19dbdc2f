import { Person, Position, type Organisation } from '../entities/index.js';
import { decideHolding } from './merge-rules.js';
import type { Provenance, RecordWriter } from './record-writer.js';

export type PersonFacts = {
  displayName: string;
  honorific?: string | null;
  initials?: string | null;
  givenNames?: string | null;
  surname: string;
  aliases?: string[];
};

/** A position as a source states it: held by the person, at the source's date. */
export type HoldingFacts = { title: string; organisation: Organisation | null; acting: boolean; asOf?: string | null };

/** Finds the person by natural key and merges the facts into them, or creates them. */
export async function writePerson(writer: RecordWriter, key: string, facts: PersonFacts, provenance: Provenance): Promise<Person> {
  const found = await writer.em.findOne(Person, { key });
  if (found) return writer.merge(found, 'Person', key, facts, { aliases: 'union' }, provenance);
  const person = writer.em.create(Person, { key, ...facts });
  return writer.created(person, 'Person', key, facts, provenance);
}

const holdingKey = (person: Person, facts: HoldingFacts) =>
  `${person.key}: ${facts.acting ? 'acting ' : ''}${facts.title}${facts.organisation ? ` at ${facts.organisation.key}` : ''}`;

/**
 * Records that the person held a position as of a date. A holding is a
 * dated fact: a source of another date widens the range over which it is
 * known (asOf … latestAsOf) instead of moving it; an editor sets asOf.
 */
export async function writeHolding(writer: RecordWriter, person: Person, facts: HoldingFacts, provenance: Provenance): Promise<Position> {
  const recordKey = holdingKey(person, facts);
  const { asOf, ...natural } = facts;
  const found = await writer.em.findOne(Position, { person, ...natural });
  if (!found) {
    const position = writer.em.create(Position, { person, ...natural, asOf });
    return writer.created(position, 'Position', recordKey, { ...natural, asOf }, provenance);
  }
  if (writer.options.authority === 'editor') return writer.merge(found, 'Position', recordKey, { asOf }, {}, provenance);
  writer.merge(found, 'Position', recordKey, {}, {}, provenance);
  const verdict = decideHolding(found, asOf);
  if (verdict.kind === 'widen') {
    writer.set(found, 'Position', recordKey, 'asOf', verdict.asOf, provenance);
    writer.set(found, 'Position', recordKey, 'latestAsOf', verdict.latestAsOf, provenance);
  }
  return found;
}
