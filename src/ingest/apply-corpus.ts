import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass, FilterQuery, RequiredEntityData } from '@mikro-orm/core';
import {
  Annex,
  Conference,
  ConferenceDay,
  ConferenceSeries,
  ConferenceTopic,
  Contact,
  Objective,
  Organisation,
  OrganisationTopic,
  Participation,
  Person,
  Position,
  Session,
  SessionTopic,
  Source,
  Topic,
} from '../entities/index.js';
import { ChangeAction, CitedKind, DocumentationStatus, ParticipationRole, TopicOrigin } from '../entities/enums.js';
import { recordChange, snapshot, type Snapshot } from '../curation/history.js';
import { conferenceKey, type MergedCorpus } from './check-corpus.js';
import type { CitationInput, DayInput, ParticipationInput, PersonInput, SessionInput } from './corpus.schema.js';
import { applyEditionFacts, conferenceColumns, organisationColumns, seriesColumns } from './apply-edition-facts.js';
import { assignTopicsAutomatically } from './auto-topics.js';
import { displayNameOf } from './person-names.js';

/** What a load did, by kind of record. */
export type LoadReport = Record<string, { created: number; updated: number; unchanged: number; removed?: number }>;

type Cited = { kind: CitedKind; record: { id: number }; cites: CitationInput[] };

/** Compares a stored value with a corpus value: references by id, arrays by content, absent as null. */
function sameValue(stored: unknown, given: unknown): boolean {
  const comparable = (value: unknown) =>
    value === undefined ? null : value !== null && typeof value === 'object' && 'id' in value ? value.id : value;
  return JSON.stringify(comparable(stored)) === JSON.stringify(comparable(given));
}

export type ApplyOptions = {
  /** Who the history names for every record created or changed. */
  actor: string;
  /** Called after each record is written, with how many have been; an import's progress. */
  onRecord?: (written: number) => void;
  /**
   * How to read a field the input leaves out. The curated corpus is the whole
   * truth, so there absent means empty; an imported draft adds to what is
   * known, so there absent means unknown and the stored value stays.
   */
  absentMeans: 'empty' | 'unknown';
};

/**
 * Writes a checked corpus through `em`, finding each record by its natural
 * key so that loading the same corpus again changes nothing, and appends
 * every creation and change to the history. The caller provides the
 * transaction.
 */
export async function applyCorpus(em: EntityManager, corpus: MergedCorpus, options: ApplyOptions): Promise<LoadReport> {
  const report: LoadReport = {};
  const cited: Cited[] = [];
  const changes: Array<{ record: { id: number }; recordType: string; before?: Snapshot }> = [];
  let written = 0;

  const upsert = async <T extends object>(
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    data: Partial<RequiredEntityData<T>>,
  ): Promise<T> => {
    const tally = (report[entity.name] ??= { created: 0, updated: 0, unchanged: 0 });
    const found = await em.findOne(entity, where as never);
    options.onRecord?.((written += 1));
    if (found && options.absentMeans === 'unknown') {
      data = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null)) as typeof data;
    }
    if (!found) {
      tally.created += 1;
      const created = em.create(entity, { ...(where as object), ...data } as RequiredEntityData<T>);
      changes.push({ record: created as unknown as { id: number }, recordType: entity.name });
      return created;
    }
    const changed = Object.entries(data).some(([field, value]) => !sameValue((found as Record<string, unknown>)[field], value));
    tally[changed ? 'updated' : 'unchanged'] += 1;
    if (changed) {
      changes.push({ record: found as unknown as { id: number }, recordType: entity.name, before: snapshot(em, found) });
      em.assign(found, data as never);
    }
    return found;
  };

  const organisations = new Map<string, Organisation>();
  for (const { entry } of corpus.organisations) {
    const organisation = await upsert(Organisation, { key: entry.key }, {
      name: entry.name,
      acronym: entry.acronym ?? null,
      aliases: entry.aliases,
      kind: entry.kind,
      sphere: entry.sphere ?? null,
      objectives: entry.objectives,
      priorityAreas: entry.priorityAreas,
      ...organisationColumns(corpus, entry, options.absentMeans),
    } as never);
    organisations.set(entry.key, organisation);
  }
  for (const { entry } of corpus.organisations) {
    organisations.get(entry.key)!.parent = entry.parent ? organisations.get(entry.parent) : undefined;
  }
  const organisationRef = (key: string | undefined) => (key ? organisations.get(key)! : null);

  const sources = new Map<string, Source>();
  for (const { entry } of corpus.sources) {
    const { text, checksum } = corpus.texts.get(entry.key)!;
    sources.set(
      entry.key,
      await upsert(Source, { key: entry.key }, {
        title: entry.title,
        kind: entry.kind,
        url: entry.url ?? null,
        publisher: organisationRef(entry.publisher),
        issuedOn: entry.issuedOn ?? null,
        updatedOn: entry.updatedOn ?? null,
        text,
        checksum,
      } as never),
    );
  }

  const topics = new Map<string, Topic>();
  for (const { entry } of corpus.topics) {
    topics.set(
      entry.slug,
      await upsert(Topic, { slug: entry.slug }, {
        name: entry.name,
        synonyms: entry.synonyms,
        description: entry.description ?? null,
      } as never),
    );
  }

  const seriesBySlug = new Map<string, ConferenceSeries>();
  for (const { entry } of corpus.series) {
    seriesBySlug.set(
      entry.slug,
      await upsert(ConferenceSeries, { slug: entry.slug }, { name: entry.name, organiser: organisationRef(entry.organiser), ...seriesColumns(entry) } as never),
    );
  }
  await em.flush();

  const people = new Map<string, { person: Person; positions: Map<string, Position> }>();
  for (const { entry } of corpus.people) people.set(entry.key, await upsertPerson(entry));
  await em.flush();

  async function upsertPerson(entry: PersonInput) {
    const person = await upsert(Person, { key: entry.key }, {
      displayName: displayNameOf(entry),
      honorific: entry.honorific ?? null,
      initials: entry.initials ?? null,
      givenNames: entry.givenNames ?? null,
      surname: entry.surname,
      aliases: entry.aliases,
    } as never);
    if (!person.id) await em.flush();
    cited.push({ kind: CitedKind.PERSON, record: person, cites: entry.cite });
    const positions = new Map<string, Position>();
    for (const input of entry.positions) {
      const organisation = organisationRef(input.organisation);
      const position = await upsert(
        Position,
        { person, title: input.title, organisation, acting: input.acting } as never,
        { asOf: input.asOf ?? null } as never,
      );
      positions.set(input.key, position);
      cited.push({ kind: CitedKind.POSITION, record: position, cites: input.cite });
    }
    return { person, positions };
  }

  for (const { entry } of corpus.organisations) {
    const organisation = organisations.get(entry.key)!;
    cited.push({ kind: CitedKind.ORGANISATION, record: organisation, cites: entry.cite });
    for (const link of entry.topics) {
      await upsert(
        OrganisationTopic,
        { organisation, topic: topics.get(link.topic)!, origin: TopicOrigin.CURATED } as never,
        { evidence: link.evidence } as never,
      );
    }
  }

  const conferences = new Map<string, Conference>();
  for (const { entry } of corpus.conferences) {
    const conference = await upsert(
      Conference,
      { series: seriesBySlug.get(entry.series)!, year: entry.year } as never,
      {
        title: entry.title,
        theme: entry.theme ?? null,
        startDate: entry.startDate ?? null,
        endDate: entry.endDate ?? null,
        venueName: entry.venue?.name ?? null,
        venueCity: entry.venue?.city ?? null,
        audience: entry.audience ?? null,
        expectedAttendance: entry.expectedAttendance ?? null,
        documentation: entry.documentation as DocumentationStatus,
        focus: entry.focus ?? null,
        background: entry.background ?? null,
        bookings: entry.bookings ?? null,
        ...conferenceColumns(entry, options.absentMeans),
      } as never,
    );
    await em.flush();
    await conference.sources.init();
    const described = entry.sources.map((key) => sources.get(key)!);
    conference.sources.set(options.absentMeans === 'unknown' ? [...new Set([...conference.sources, ...described])] : described);
    conferences.set(conferenceKey(entry.series, entry.year), conference);
    cited.push({ kind: CitedKind.CONFERENCE, record: conference, cites: entry.cite });

    for (const [ordinal, objective] of entry.objectives.entries()) {
      await upsert(Objective, { conference, ordinal } as never, { group: objective.group ?? null, text: objective.text } as never);
    }
    for (const contact of entry.contacts) {
      await upsert(Contact, { conference, name: contact.name } as never, {
        phone: contact.phone ?? null,
        email: contact.email ?? null,
        organisation: organisationRef(contact.organisation),
      } as never);
    }
    for (const link of entry.topics) {
      await upsert(
        ConferenceTopic,
        { conference, topic: topics.get(link.topic)!, origin: TopicOrigin.CURATED } as never,
        { evidence: link.evidence } as never,
      );
    }
    let ordinal = 0;
    for (const dayInput of entry.days) {
      ordinal = await upsertDay(conference, dayInput, ordinal);
    }
  }

  async function upsertParticipation(
    input: ParticipationInput,
    place: { session: Session | null; day: ConferenceDay | null },
    ordinal: number,
  ) {
    const { person, positions } = people.get(input.person)!;
    const participation = await upsert(
      Participation,
      { person, role: input.role, session: place.session, day: place.day } as never,
      { position: input.position ? positions.get(input.position)! : null, ordinal } as never,
    );
    cited.push({ kind: CitedKind.PARTICIPATION, record: participation, cites: input.cite });
  }

  async function upsertDay(conference: Conference, input: DayInput, firstOrdinal: number): Promise<number> {
    const day = await upsert(ConferenceDay, { conference, number: input.number } as never, {
      date: input.date ?? null,
      subTheme: input.subTheme ?? null,
    } as never);
    await em.flush();
    cited.push({ kind: CitedKind.CONFERENCE_DAY, record: day, cites: input.cite });
    if (input.chair) {
      await upsertParticipation({ ...input.chair, role: ParticipationRole.CHAIRPERSON }, { session: null, day }, 0);
    }
    let ordinal = firstOrdinal;
    const upsertSessions = async (inputs: SessionInput[], parent: Session | null) => {
      for (const sessionInput of inputs) {
        const session = await upsert(Session, { conference, ref: sessionInput.ref } as never, {
          day,
          parent,
          ordinal: ordinal++,
          kind: sessionInput.kind,
          title: sessionInput.title,
          number: sessionInput.number ?? null,
          description: sessionInput.description ?? null,
          keyIssues: sessionInput.keyIssues,
        } as never);
        await em.flush();
        cited.push({ kind: CitedKind.SESSION, record: session, cites: sessionInput.cite });
        for (const [index, participant] of sessionInput.participants.entries()) {
          await upsertParticipation(participant, { session, day: null }, index);
        }
        for (const link of sessionInput.topics) {
          await upsert(
            SessionTopic,
            { session, topic: topics.get(link.topic)!, origin: TopicOrigin.CURATED } as never,
            { evidence: link.evidence } as never,
          );
        }
        await upsertSessions(sessionInput.children, session);
      }
    };
    await upsertSessions(input.sessions, null);
    return ordinal;
  }

  for (const { entry } of corpus.sources) {
    const source = sources.get(entry.key)!;
    for (const annexInput of entry.annexes) {
      const annex = await upsert(Annex, { source, label: annexInput.label } as never, {
        description: annexInput.description,
        available: annexInput.available,
      } as never);
      if (annex.id) await annex.conferences.init();
      const listed = annexInput.conferences.map((key) => conferences.get(key)!);
      annex.conferences.set(options.absentMeans === 'unknown' ? [...new Set([...annex.conferences, ...listed])] : listed);
      await em.flush();
      cited.push({ kind: CitedKind.SOURCE_ANNEX, record: annex, cites: annexInput.cite });
    }
  }
  await em.flush();

  const citationTally = (report.Citation = { created: 0, updated: 0, unchanged: 0 });
  for (const { kind, record, cites } of cited) {
    for (const cite of cites) {
      const inserted = await em.execute<{ affectedRows: number }>(
        `insert into citation (subject_kind, subject_id, source_id, excerpt) values (?, ?, ?, ?) on conflict do nothing`,
        [kind, record.id, sources.get(cite.source)!.id, cite.excerpt],
        'run',
      );
      citationTally[inserted.affectedRows > 0 ? 'created' : 'unchanged'] += 1;
    }
  }
  for (const { record, recordType, before } of changes) {
    recordChange(em, {
      actor: options.actor,
      action: before ? ChangeAction.UPDATE : ChangeAction.CREATE,
      recordType,
      recordId: record.id,
      before,
      after: snapshot(em, record),
      note: 'corpus import',
    });
  }
  await em.flush();
  await applyEditionFacts(em, corpus, options, report);
  const automatic = await assignTopicsAutomatically(em);
  report.AutomaticTopic = { created: automatic.assigned, updated: 0, unchanged: automatic.unchanged, removed: automatic.removed };
  return report;
}
