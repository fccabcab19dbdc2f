import {
  Attendance,
  Conference,
  ConferenceSeries,
  Document,
  DocumentTopic,
  Outcome,
  Session,
  SessionDocument,
  Topic,
} from '../entities/index.js';
import { CitedKind, ProgrammeCompleteness, TopicOrigin } from '../entities/enums.js';
import { conferenceKeyOf } from '../curation/programme-write.js';
import type { Provenance, RecordWriter } from '../curation/record-writer.js';
import { walkSessions, type MergedCorpus } from './check-corpus.js';
import type { CitationInput, ConferenceInput, OrganisationInput } from './corpus.schema.js';

/** How to read a field the input leaves out: emptied by the curated corpus, unknown (kept as it is) in an import. */
type AbsentMeans = 'empty' | 'unknown';

/*
 * The columns below belong to records applyCorpus writes (an edition, an
 * organisation), so it writes them in the same call: the record is created
 * or changed once, with one version and one history entry.
 */

/** How complete an edition's programme is. Absent from the curated corpus it is UNKNOWN; absent from an import, it stays. */
export function conferenceColumns(entry: ConferenceInput, absentMeans: AbsentMeans) {
  const completeness = entry.programme?.completeness ?? (absentMeans === 'empty' ? ProgrammeCompleteness.UNKNOWN : undefined);
  return { ...(completeness && { programmeCompleteness: completeness }), programmeNote: entry.programme?.note ?? null };
}

/**
 * An organisation's place among its parent's units: the order in which the
 * curated corpus lists the units of one parent (a department's sections). An
 * import keeps the curated order; the units it adds come after, by name.
 */
export function organisationColumns(corpus: MergedCorpus, entry: OrganisationInput, absentMeans: AbsentMeans) {
  if (absentMeans === 'unknown' || !entry.parent) return { ordinal: null };
  const siblings = corpus.organisations.filter((other) => other.entry.parent === entry.parent);
  return { ordinal: siblings.findIndex((sibling) => sibling.entry.key === entry.key) };
}

/** The words a fact was read from: its first citation. */
const provenanceOf = (cites: CitationInput[]): Provenance => (cites[0] ? { sourceKey: cites[0].source, excerpt: cites[0].excerpt } : {});

/**
 * Writes what a corpus says beside the programme: documents and what sessions
 * did with them, an edition's outcomes and attendance figures, a series'
 * yearly figures, and the citations of a series' sphere and of a programme's
 * completeness. Runs once applyCorpus has written the records these facts
 * belong to, through the same writer, so the merge rules hold here too: an
 * import fills what is empty and keeps a different value as a claim.
 */
export async function applyEditionFacts(writer: RecordWriter, corpus: MergedCorpus): Promise<void> {
  const { em } = writer;
  // A value the input leaves out: emptied by an editor's corpus, left as it is by an import.
  const absent = writer.options.authority === 'editor' ? null : undefined;
  const orAbsent = <V>(value: V | undefined): V | null | undefined => value ?? absent;

  async function writeAttendance(series: ConferenceSeries, conference: Conference | null, figure: NonNullable<ConferenceInput['attendance']>[number]) {
    const where = { series, conference, kind: figure.kind, figure: figure.figure };
    const recordKey = `${conference ? conferenceKeyOf(conference) : series.slug} ${figure.kind.toLowerCase()} ${figure.figure}`;
    const facts = { approximate: figure.approximate, counts: orAbsent(figure.counts) };
    const provenance = provenanceOf(figure.cite);
    const found = await em.findOne(Attendance, where);
    const attendance = found
      ? writer.merge(found, 'Attendance', recordKey, facts, {}, provenance)
      : writer.created(em.create(Attendance, { ...where, ...facts }), 'Attendance', recordKey, facts, provenance);
    writer.cite(CitedKind.ATTENDANCE, attendance, figure.cite);
  }

  const seriesBySlug = new Map<string, ConferenceSeries>();
  for (const { entry } of corpus.series) {
    const series = await em.findOneOrFail(ConferenceSeries, { slug: entry.slug });
    seriesBySlug.set(entry.slug, series);
    writer.cite(CitedKind.CONFERENCE_SERIES, series, entry.cite ?? []);
    for (const figure of entry.attendance ?? []) await writeAttendance(series, null, figure);
  }

  const documents = new Map<string, Document>();
  for (const { entry } of corpus.documents) {
    const facts = { title: entry.title, kind: entry.kind, description: orAbsent(entry.description) };
    const provenance = provenanceOf(entry.cite);
    const found = await em.findOne(Document, { key: entry.key });
    const document = found
      ? writer.merge(found, 'Document', entry.key, facts, {}, provenance)
      : writer.created(em.create(Document, { key: entry.key, ...facts }), 'Document', entry.key, facts, provenance);
    documents.set(entry.key, document);
    writer.cite(CitedKind.DOCUMENT, document, entry.cite);
  }
  await em.flush();
  for (const { entry } of corpus.documents) {
    const document = documents.get(entry.key)!;
    for (const link of entry.topics) {
      const topic = await em.findOneOrFail(Topic, { slug: link.topic });
      const recordKey = `${document.key} → ${topic.slug}`;
      const provenance = provenanceOf(entry.cite);
      const found = await em.findOne(DocumentTopic, { document, topic, origin: TopicOrigin.CURATED });
      if (found) writer.merge(found, 'DocumentTopic', recordKey, { evidence: link.evidence }, {}, provenance);
      else writer.created(em.create(DocumentTopic, { document, topic, origin: TopicOrigin.CURATED, evidence: link.evidence }), 'DocumentTopic', recordKey, { evidence: link.evidence }, provenance);
    }
  }

  for (const { entry } of corpus.conferences) {
    const series = seriesBySlug.get(entry.series) ?? (await em.findOneOrFail(ConferenceSeries, { slug: entry.series }));
    const conference = await em.findOneOrFail(Conference, { series, year: entry.year });
    if (entry.programme) writer.cite(CitedKind.PROGRAMME_COMPLETENESS, conference, entry.programme.cite);
    for (const [ordinal, input] of (entry.outcomes ?? []).entries()) {
      const recordKey = `${conferenceKeyOf(conference)} outcome ${ordinal + 1}`;
      const facts = { kind: input.kind, text: input.text };
      const provenance = provenanceOf(input.cite);
      const found = await em.findOne(Outcome, { conference, ordinal });
      const outcome = found
        ? writer.merge(found, 'Outcome', recordKey, facts, {}, provenance)
        : writer.created(em.create(Outcome, { conference, ordinal, ...facts }), 'Outcome', recordKey, facts, provenance);
      writer.cite(CitedKind.CONFERENCE_OUTCOME, outcome, input.cite);
    }
    for (const figure of entry.attendance ?? []) await writeAttendance(series, conference, figure);
    for (const day of entry.days) {
      for (const { session: input } of walkSessions(day.sessions, 'sessions')) {
        if (!input.documents?.length) continue;
        const session = await em.findOneOrFail(Session, { conference, ref: input.ref });
        for (const link of input.documents) {
          const document = documents.get(link.document)!;
          const where = { session, document, action: link.action };
          const recordKey = `${conferenceKeyOf(conference)} ${session.ref} ${link.action.toLowerCase()} ${document.key}`;
          const provenance = provenanceOf(link.cite);
          const found = await em.findOne(SessionDocument, where);
          const mention = found
            ? writer.merge(found, 'SessionDocument', recordKey, {}, {}, provenance)
            : writer.created(em.create(SessionDocument, where), 'SessionDocument', recordKey, { action: link.action }, provenance);
          writer.cite(CitedKind.SESSION_DOCUMENT, mention, link.cite);
        }
      }
    }
  }
}
