import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation, Person, Position, PossibleDuplicate } from '../entities/index.js';
import { freeKey } from '../curation/natural-keys.js';
import type { MergedCorpus } from './check-corpus.js';
import type { OrganisationInput, ParticipationInput, PersonInput } from './corpus.schema.js';
import { bestPersonMatch, createOrganisationResolver, scorePersonMatch, surnameKeysOf, type PersonEvidence } from './resolve/index.js';

/** How one person or organisation of the input was matched to the knowledge base. */
export type IdentityDecision = {
  kind: 'PERSON' | 'ORGANISATION';
  /** The key the input gave it. */
  inputKey: string;
  /** KNOWN: the input used an existing key; SAME: matched by the evidence; NEW: created (POSSIBLE: with suggestions). */
  decision: 'KNOWN' | 'SAME' | 'POSSIBLE' | 'NEW';
  /** The key it has in the knowledge base after the import. */
  key: string;
  score?: number;
  reasons: string[];
  /** For POSSIBLE: the existing people it may be, strongest first. */
  candidates?: Array<{ key: string; score: number; reasons: string[] }>;
};

export type Resolution = { corpus: MergedCorpus; decisions: IdentityDecision[] };

const union = (...lists: Array<readonly string[]>) => [...new Set(lists.flat())];

/** Every organisation already known, for name and acronym matching. */
async function knownOrganisations(em: EntityManager) {
  const organisations = await em.find(Organisation, {}, { orderBy: { id: 'asc' } });
  return new Map(organisations.map((organisation) => [organisation.key, organisation]));
}

type KnownPerson = PersonEvidence & { key: string; person: Person; surnameKeys: string[] };

/**
 * Existing people who may share a surname with an incoming one, under any of
 * the surname keys resolution files people under (their surname, aliases,
 * compound readings), with their positions.
 */
async function candidatePeople(em: EntityManager, incoming: PersonEvidence[]): Promise<KnownPerson[]> {
  const keys = [...new Set(incoming.flatMap((person) => surnameKeysOf(person)))];
  if (keys.length === 0) return [];
  const rows = await em.execute<Array<{ id: number }>>(
    `select p.id from person p, jsonb_array_elements_text(?::jsonb) as wanted(key)
      where regexp_replace(lekgotla_fold(p.surname), '[^a-z0-9]+', '', 'g') = wanted.key
         or exists (select 1 from unnest(p.aliases) as alias(name)
                     where regexp_replace(lekgotla_fold(alias.name), '[^a-z0-9]+', '', 'g') like '%' || wanted.key)
      group by p.id`,
    [JSON.stringify(keys)],
  );
  const people = await em.find(Person, { id: { $in: rows.map((row) => row.id) } }, { orderBy: { id: 'asc' } });
  const positions = await em.find(Position, { person: { $in: people } }, { populate: ['organisation'] });
  return people.map((person) => {
    const evidence = {
      honorific: person.honorific ?? undefined,
      givenNames: person.givenNames ?? undefined,
      initials: person.initials ?? undefined,
      surname: person.surname,
      aliases: person.aliases,
      positions: positions
        .filter((position) => position.person.id === person.id)
        .map((position) => ({ title: position.title, organisationKey: position.organisation?.key })),
    };
    return { ...evidence, key: person.key, person, surnameKeys: surnameKeysOf(evidence) };
  });
}

/** The known people filed under any surname key of the incoming one. */
function candidatesFor(known: KnownPerson[], incoming: PersonEvidence): KnownPerson[] {
  const keys = new Set(surnameKeysOf(incoming));
  return known.filter((person) => person.surnameKeys.some((key) => keys.has(key)));
}

/**
 * Matches the input's organisations and people to those already known and
 * rewrites the input's keys accordingly, so that loading it links to them
 * instead of creating second records. A matched record keeps what is known
 * and gains the input's other spellings.
 */
export async function resolveIdentities(em: EntityManager, corpus: MergedCorpus): Promise<Resolution> {
  const decisions: IdentityDecision[] = [];
  const organisations = await knownOrganisations(em);
  const resolveOrganisationName = createOrganisationResolver(
    [...organisations.values()].map((organisation) => ({
      key: organisation.key,
      name: organisation.name,
      acronym: organisation.acronym ?? undefined,
      aliases: organisation.aliases,
      kind: organisation.kind,
    })),
  );

  const organisationKeys = new Map<string, string>();
  const resolvedOrganisations = corpus.organisations.map((item) => {
    const input = item.entry;
    if (organisations.has(input.key)) {
      decisions.push({ kind: 'ORGANISATION', inputKey: input.key, decision: 'KNOWN', key: input.key, reasons: ['same key'] });
      return item;
    }
    const match = resolveOrganisationName(input.name) ?? (input.acronym ? resolveOrganisationName(input.acronym) : undefined);
    if (!match) {
      decisions.push({ kind: 'ORGANISATION', inputKey: input.key, decision: 'NEW', key: input.key, reasons: ['no known organisation has this name'] });
      return item;
    }
    organisationKeys.set(input.key, match.key);
    decisions.push({ kind: 'ORGANISATION', inputKey: input.key, decision: 'SAME', key: match.key, score: match.score, reasons: [match.reason] });
    const known = organisations.get(match.key)!;
    const merged: OrganisationInput = {
      ...input,
      key: known.key,
      name: known.name,
      acronym: known.acronym ?? input.acronym,
      aliases: union(known.aliases, input.name === known.name ? [] : [input.name], input.aliases),
      kind: known.kind,
      sphere: known.sphere ?? input.sphere,
      parent: known.parent ? undefined : input.parent,
      objectives: known.objectives.length > 0 ? known.objectives : input.objectives,
      priorityAreas: known.priorityAreas.length > 0 ? known.priorityAreas : input.priorityAreas,
    };
    return { ...item, entry: merged };
  });
  const organisationKey = (key: string | undefined) => (key === undefined ? undefined : (organisationKeys.get(key) ?? key));
  for (const item of resolvedOrganisations) {
    item.entry = { ...item.entry, parent: organisationKey(item.entry.parent) };
  }

  const keyed = new Map(
    (await em.find(Person, { key: { $in: corpus.people.map((item) => item.entry.key) } })).map((person) => [person.key, person]),
  );
  const evidenceOf = (input: PersonInput): PersonEvidence => ({
    honorific: input.honorific,
    givenNames: input.givenNames,
    initials: input.initials,
    surname: input.surname,
    aliases: input.aliases,
    positions: input.positions.map((position) => ({ title: position.title, organisationKey: organisationKey(position.organisation) })),
  });
  const known = await candidatePeople(em, corpus.people.map((item) => evidenceOf(item.entry)));
  const personKeys = new Map<string, string>();
  const resolvedPeople: MergedCorpus['people'] = [];
  for (const item of corpus.people) {
    const input = { ...item.entry, positions: item.entry.positions.map((position) => ({ ...position, organisation: organisationKey(position.organisation) })) };
    const evidence = evidenceOf(item.entry);
    const sameKey = keyed.get(input.key);
    const sameKeyEvidence = sameKey && known.find((candidate) => candidate.key === sameKey.key);
    // A key is only a name the input chose: it identifies a known person only if the evidence does not contradict it.
    if (sameKeyEvidence && scorePersonMatch(evidence, sameKeyEvidence).decision !== 'DIFFERENT') {
      decisions.push({ kind: 'PERSON', inputKey: input.key, decision: 'KNOWN', key: input.key, reasons: ['same key, compatible name'] });
      resolvedPeople.push({ ...item, entry: { ...input, aliases: union(sameKey!.aliases, input.aliases) } });
      continue;
    }
    const best = bestPersonMatch(evidence, candidatesFor(known, evidence));
    if (best.same) {
      const known = best.same.candidate.person;
      personKeys.set(input.key, known.key);
      decisions.push({ kind: 'PERSON', inputKey: input.key, decision: 'SAME', key: known.key, score: best.same.score, reasons: best.same.reasons });
      resolvedPeople.push({
        ...item,
        entry: {
          ...input,
          key: known.key,
          honorific: known.honorific ?? input.honorific,
          initials: known.initials ?? input.initials,
          givenNames: known.givenNames ?? input.givenNames,
          surname: known.surname,
          aliases: union(known.aliases, input.aliases),
        },
      });
      continue;
    }
    const key = sameKey ? await freeKey(em, Person, 'key', input.key) : input.key;
    if (key !== input.key) personKeys.set(input.key, key);
    const possible = best.possible.map((match) => ({ key: match.candidate.key, score: match.score, reasons: match.reasons }));
    decisions.push({
      kind: 'PERSON',
      inputKey: input.key,
      decision: possible.length > 0 ? 'POSSIBLE' : 'NEW',
      key,
      reasons: possible.length > 0 ? ['similar people exist, but the evidence does not say they are one'] : ['no known person matches'],
      candidates: possible,
    });
    resolvedPeople.push({ ...item, entry: { ...input, key } });
  }

  const personKey = (key: string) => personKeys.get(key) ?? key;
  const participant = <T extends Pick<ParticipationInput, 'person'>>(participation: T): T => ({ ...participation, person: personKey(participation.person) });
  const conferences = corpus.conferences.map((item) => {
    const conference = item.entry;
    const days = conference.days.map((day) => ({
      ...day,
      chair: day.chair ? participant(day.chair) : undefined,
      sessions: day.sessions.map(function remap(session): typeof session {
        return { ...session, participants: session.participants.map(participant), children: session.children.map(remap) };
      }),
    }));
    const contacts = conference.contacts.map((contact) => ({ ...contact, organisation: organisationKey(contact.organisation) }));
    return { ...item, entry: { ...conference, days, contacts } };
  });
  return {
    decisions,
    corpus: {
      ...corpus,
      organisations: resolvedOrganisations,
      people: resolvedPeople,
      conferences,
      sources: corpus.sources.map((item) => ({ ...item, entry: { ...item.entry, publisher: organisationKey(item.entry.publisher) } })),
      series: corpus.series.map((item) => ({ ...item, entry: { ...item.entry, organiser: organisationKey(item.entry.organiser) } })),
    },
  };
}

/** Stores the suggestions of POSSIBLE decisions, once the new people exist. */
export async function recordPossibleDuplicates(em: EntityManager, resolution: Resolution): Promise<void> {
  const suggestions = resolution.decisions.filter((decision) => decision.decision === 'POSSIBLE');
  for (const decision of suggestions) {
    const person = await em.findOneOrFail(Person, { key: decision.key });
    for (const candidate of decision.candidates ?? []) {
      const other = await em.findOneOrFail(Person, { key: candidate.key });
      const existing = await em.findOne(PossibleDuplicate, { person, candidate: other });
      if (existing) continue;
      em.create(PossibleDuplicate, { person, candidate: other, score: candidate.score, reasons: candidate.reasons });
    }
  }
  await em.flush();
}
