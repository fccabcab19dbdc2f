import type { EntityManager } from '@mikro-orm/postgresql';
import type { Conference, ConferenceDay, ConferenceSeries, Organisation, Person, Position, Session, Source, Topic } from '../entities/index.js';
import { CitedKind, DocumentationStatus, GovernmentSphere, OrganisationKind, ParticipationRole, SessionKind, SourceKind } from '../entities/enums.js';
import { writeAnnex, writeSource, writeTopic } from '../curation/catalogue-write.js';
import { writeOrganisation, writeOrganisationTopic } from '../curation/organisation-write.js';
import { writeHolding, writePerson } from '../curation/person-write.js';
import {
  writeConference,
  writeConferenceTopic,
  writeContact,
  writeDay,
  writeObjective,
  writeParticipation,
  writeSeries,
  writeSession,
  writeSessionTopic,
} from '../curation/programme-write.js';
import { RecordWriter, type Authority, type FieldChange, type FieldConflict, type Provenance, type Review, type Tally } from '../curation/record-writer.js';
import { conferenceKey, type MergedCorpus } from './check-corpus.js';
import type { CitationInput, DayInput, ParticipationInput, PersonInput, SessionInput } from './corpus.schema.js';
import { applyEditionFacts, conferenceColumns, organisationColumns } from './apply-edition-facts.js';
import { assignTopicsAutomatically } from './auto-topics.js';
import { displayNameOf } from './person-names.js';

/** What a load did, by kind of record. */
export type LoadReport = Record<string, Tally>;

/** What applying a corpus did: tallies, and every field it changed and every conflict it met. */
export type AppliedCorpus = { records: LoadReport; changes: FieldChange[]; conflicts: FieldConflict[] };

export type ApplyOptions = {
  /** Who the history names for every record created or changed. */
  actor: string;
  /** Called after each record is written, with how many have been; an import's progress. */
  onRecord?: (written: number) => void;
  /**
   * Who decides. The curated corpus is the editors' whole truth: its values
   * are set, and a field it leaves out is emptied. An imported source only
   * adds: a field it leaves out is unknown, and its values go through the
   * merge rules (src/curation/merge-rules.ts).
   */
  authority: Authority;
  /** Names the import in the history and on its claims. */
  importId?: string;
  review?: Review;
};

/** The words a corpus entry was read from: its first citation. */
const provenanceOf = (cites: CitationInput[]): Provenance => (cites[0] ? { sourceKey: cites[0].source, excerpt: cites[0].excerpt } : {});

/**
 * Writes a checked corpus through the write floor's aggregate functions,
 * finding each record by its natural key so that loading the same corpus
 * again changes nothing. The caller provides the transaction.
 */
export async function applyCorpus(em: EntityManager, corpus: MergedCorpus, options: ApplyOptions): Promise<AppliedCorpus> {
  const writer = new RecordWriter(em, {
    actor: options.actor,
    authority: options.authority,
    importId: options.importId,
    review: options.review,
    note: 'corpus import',
  });
  // A field the input leaves out: emptied by the curated corpus, unknown (left as it is) in an import.
  const absent = options.authority === 'editor' ? null : undefined;
  const orAbsent = <V>(value: V | undefined): V | null | undefined => value ?? absent;
  const absentMeans = options.authority === 'editor' ? 'empty' : 'unknown';
  let written = 0;
  const progress = () => options.onRecord?.((written += 1));

  const organisations = new Map<string, Organisation>();
  for (const { entry } of corpus.organisations) {
    progress();
    const organisation = await writeOrganisation(
      writer,
      entry.key,
      {
        name: entry.name,
        acronym: orAbsent(entry.acronym),
        aliases: entry.aliases,
        kind: OrganisationKind[entry.kind],
        sphere: orAbsent(entry.sphere && GovernmentSphere[entry.sphere]),
        objectives: entry.objectives,
        priorityAreas: entry.priorityAreas,
        ordinal: orAbsent(organisationColumns(corpus, entry, absentMeans).ordinal ?? undefined),
      },
      provenanceOf(entry.cite),
    );
    organisations.set(entry.key, organisation);
  }
  for (const { entry } of corpus.organisations) {
    const organisation = organisations.get(entry.key)!;
    const parent = entry.parent ? organisations.get(entry.parent) : undefined;
    writer.merge(organisation, 'Organisation', entry.key, { parent: orAbsent(parent) }, {}, provenanceOf(entry.cite));
  }
  const organisationRef = (key: string | undefined) => orAbsent(key === undefined ? undefined : organisations.get(key));

  const sources = new Map<string, Source>();
  for (const { entry } of corpus.sources) {
    progress();
    const { text, checksum } = corpus.texts.get(entry.key)!;
    const source = await writeSource(
      writer,
      entry.key,
      {
        title: entry.title,
        kind: SourceKind[entry.kind],
        url: orAbsent(entry.url),
        publisher: organisationRef(entry.publisher),
        issuedOn: orAbsent(entry.issuedOn),
        updatedOn: orAbsent(entry.updatedOn),
        text,
        checksum,
      },
      { sourceKey: entry.key },
    );
    sources.set(entry.key, source);
  }

  const topics = new Map<string, Topic>();
  for (const { entry } of corpus.topics) {
    progress();
    topics.set(entry.slug, await writeTopic(writer, entry.slug, { name: entry.name, synonyms: entry.synonyms, description: orAbsent(entry.description) }, {}));
  }

  const seriesBySlug = new Map<string, ConferenceSeries>();
  for (const { entry } of corpus.series) {
    progress();
    // A series entry has no citation of its own: the words are those of the first edition that names it.
    const edition = corpus.conferences.find((conference) => conference.entry.series === entry.slug);
    const provenance = edition ? provenanceOf(edition.entry.cite) : {};
    const facts = { name: entry.name, organiser: organisationRef(entry.organiser), sphere: orAbsent(entry.sphere), province: orAbsent(entry.province) };
    seriesBySlug.set(entry.slug, await writeSeries(writer, entry.slug, facts, provenance));
  }
  await em.flush();

  const people = new Map<string, { person: Person; positions: Map<string, Position> }>();
  for (const { entry } of corpus.people) people.set(entry.key, await applyPerson(entry));
  await em.flush();

  async function applyPerson(entry: PersonInput) {
    progress();
    const person = await writePerson(
      writer,
      entry.key,
      {
        displayName: displayNameOf(entry),
        honorific: orAbsent(entry.honorific),
        initials: orAbsent(entry.initials),
        givenNames: orAbsent(entry.givenNames),
        surname: entry.surname,
        aliases: entry.aliases,
      },
      provenanceOf(entry.cite),
    );
    writer.cite(CitedKind.PERSON, person, entry.cite);
    const positions = new Map<string, Position>();
    for (const input of entry.positions) {
      progress();
      const organisation = input.organisation ? organisations.get(input.organisation)! : null;
      const position = await writeHolding(
        writer,
        person,
        { title: input.title, organisation, acting: input.acting, asOf: orAbsent(input.asOf) },
        provenanceOf(input.cite),
      );
      positions.set(input.key, position);
      writer.cite(CitedKind.POSITION, position, input.cite);
    }
    return { person, positions };
  }

  for (const { entry } of corpus.organisations) {
    const organisation = organisations.get(entry.key)!;
    writer.cite(CitedKind.ORGANISATION, organisation, entry.cite);
    for (const link of entry.topics) {
      await writeOrganisationTopic(writer, organisation, topics.get(link.topic)!, link.evidence, provenanceOf(entry.cite));
    }
  }

  const conferences = new Map<string, Conference>();
  for (const { entry } of corpus.conferences) {
    progress();
    const provenance = provenanceOf(entry.cite);
    const conference = await writeConference(
      writer,
      seriesBySlug.get(entry.series)!,
      entry.year,
      {
        title: entry.title,
        theme: orAbsent(entry.theme),
        startDate: orAbsent(entry.startDate),
        endDate: orAbsent(entry.endDate),
        venueName: orAbsent(entry.venue?.name),
        venueCity: orAbsent(entry.venue?.city),
        audience: orAbsent(entry.audience),
        expectedAttendance: orAbsent(entry.expectedAttendance),
        documentation: DocumentationStatus[entry.documentation],
        focus: orAbsent(entry.focus),
        background: orAbsent(entry.background),
        bookings: orAbsent(entry.bookings),
        programmeCompleteness: conferenceColumns(entry, absentMeans).programmeCompleteness,
        programmeNote: orAbsent(entry.programme?.note),
      },
      provenance,
    );
    await em.flush();
    await conference.sources.init();
    const before = [...conference.sources].map((source) => source.key);
    const described = entry.sources.map((key) => sources.get(key)!);
    conference.sources.set(options.authority === 'source' ? [...new Set([...conference.sources, ...described])] : described);
    const after = [...conference.sources].map((source) => source.key);
    if (before.join() !== after.join()) writer.collectionChanged(conference, 'Conference', `${entry.series} ${entry.year}`, 'sources', before, after, provenance);
    conferences.set(conferenceKey(entry.series, entry.year), conference);
    writer.cite(CitedKind.CONFERENCE, conference, entry.cite);

    for (const [ordinal, objective] of entry.objectives.entries()) {
      await writeObjective(writer, conference, ordinal, { group: orAbsent(objective.group), text: objective.text }, provenance);
    }
    for (const contact of entry.contacts) {
      const facts = { phone: orAbsent(contact.phone), email: orAbsent(contact.email), organisation: organisationRef(contact.organisation) };
      await writeContact(writer, conference, contact.name, facts, provenance);
    }
    for (const link of entry.topics) {
      await writeConferenceTopic(writer, conference, topics.get(link.topic)!, link.evidence, provenance);
    }
    let ordinal = 0;
    for (const dayInput of entry.days) {
      ordinal = await applyDay(conference, dayInput, ordinal);
    }
  }

  async function applyParticipation(input: ParticipationInput, place: { session: Session | null; day: ConferenceDay | null }, ordinal: number) {
    progress();
    const { person, positions } = people.get(input.person)!;
    const participation = await writeParticipation(
      writer,
      { person, role: ParticipationRole[input.role], ...place },
      { position: orAbsent(input.position ? positions.get(input.position) : undefined), ordinal },
      provenanceOf(input.cite),
    );
    writer.cite(CitedKind.PARTICIPATION, participation, input.cite);
  }

  async function applyDay(conference: Conference, input: DayInput, firstOrdinal: number): Promise<number> {
    progress();
    const day = await writeDay(writer, conference, input.number, { date: orAbsent(input.date), subTheme: orAbsent(input.subTheme) }, provenanceOf(input.cite));
    await em.flush();
    writer.cite(CitedKind.CONFERENCE_DAY, day, input.cite);
    if (input.chair) {
      await applyParticipation({ ...input.chair, role: ParticipationRole.CHAIRPERSON }, { session: null, day }, 0);
    }
    let ordinal = firstOrdinal;
    const applySessions = async (inputs: SessionInput[], parent: Session | null) => {
      for (const sessionInput of inputs) {
        progress();
        const session = await writeSession(
          writer,
          conference,
          sessionInput.ref,
          {
            day,
            parent,
            ordinal: ordinal++,
            kind: SessionKind[sessionInput.kind],
            title: sessionInput.title,
            number: orAbsent(sessionInput.number),
            description: orAbsent(sessionInput.description),
            keyIssues: sessionInput.keyIssues,
          },
          provenanceOf(sessionInput.cite),
        );
        await em.flush();
        writer.cite(CitedKind.SESSION, session, sessionInput.cite);
        for (const [index, participant] of sessionInput.participants.entries()) {
          await applyParticipation(participant, { session, day: null }, index);
        }
        for (const link of sessionInput.topics) {
          await writeSessionTopic(writer, session, topics.get(link.topic)!, link.evidence, provenanceOf(sessionInput.cite));
        }
        await applySessions(sessionInput.children, session);
      }
    };
    await applySessions(input.sessions, null);
    return ordinal;
  }

  for (const { entry } of corpus.sources) {
    const source = sources.get(entry.key)!;
    for (const annexInput of entry.annexes) {
      progress();
      const provenance = provenanceOf(annexInput.cite);
      const annex = await writeAnnex(writer, source, annexInput.label, { description: annexInput.description, available: annexInput.available }, provenance);
      if (annex.id) await annex.conferences.init();
      const before = [...annex.conferences].map((conference) => conference.id);
      const listed = annexInput.conferences.map((key) => conferences.get(key)!);
      annex.conferences.set(options.authority === 'source' ? [...new Set([...annex.conferences, ...listed])] : listed);
      await em.flush();
      const after = [...annex.conferences].map((conference) => conference.id);
      if (annex.id && before.length > 0 && before.join() !== after.join()) {
        writer.collectionChanged(annex, 'Annex', `${entry.key} ${annexInput.label}`, 'conferences', before.map(String), after.map(String), provenance);
      }
      writer.cite(CitedKind.SOURCE_ANNEX, annex, annexInput.cite);
    }
  }

  // What the sources say beside the programme, once the records it belongs to are written.
  await applyEditionFacts(writer, corpus);
  await writer.finish((key) => sources.get(key));
  const automatic = await assignTopicsAutomatically((sql) => em.execute(sql));
  const records: LoadReport = {
    ...writer.tallies,
    AutomaticTopic: { created: automatic.assigned, updated: 0, unchanged: automatic.unchanged, removed: automatic.removed },
  };
  return { records, changes: writer.changes, conflicts: writer.conflicts };
}
