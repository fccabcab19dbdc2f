import { CorpusError } from './corpus-error.js';
import { checkEditionFacts } from './check-edition-facts.js';
import type { CitationInput, CorpusFile, SessionInput } from './corpus.schema.js';
import type { Corpus } from './read-corpus.js';

type Entries<K extends keyof CorpusFile> = Array<{ file: string; index: number; entry: NonNullable<CorpusFile[K]>[number] }>;

/** All parts merged, each entry remembering where it was written. */
export type MergedCorpus = {
  sources: Entries<'sources'>;
  organisations: Entries<'organisations'>;
  people: Entries<'people'>;
  topics: Entries<'topics'>;
  series: Entries<'series'>;
  conferences: Entries<'conferences'>;
  documents: Entries<'documents'>;
  texts: Corpus['texts'];
};

/** A section's entries from every part, in file order, each with its file and place. */
function entriesOf<K extends keyof MergedCorpus & keyof CorpusFile>(corpus: Corpus, section: K): Entries<K> {
  return corpus.parts.flatMap((part) => {
    const entries: ReadonlyArray<NonNullable<CorpusFile[K]>[number]> = part.content[section] ?? [];
    return entries.map((entry, index) => ({ file: part.file, index, entry }));
  });
}

function merge(corpus: Corpus): MergedCorpus {
  return {
    texts: corpus.texts,
    sources: entriesOf(corpus, 'sources'),
    organisations: entriesOf(corpus, 'organisations'),
    people: entriesOf(corpus, 'people'),
    topics: entriesOf(corpus, 'topics'),
    series: entriesOf(corpus, 'series'),
    conferences: entriesOf(corpus, 'conferences'),
    documents: entriesOf(corpus, 'documents'),
  };
}

export function conferenceKey(series: string, year: number): string {
  return `${series}/${year}`;
}

export function* walkSessions(sessions: SessionInput[], path: string): Generator<{ session: SessionInput; path: string }> {
  for (const [index, session] of sessions.entries()) {
    const here = `${path}[${index}]`;
    yield { session, path: here };
    yield* walkSessions(session.children, `${here}.children`);
  }
}

/**
 * Checks what a schema cannot: keys are unique across files, every reference
 * resolves, and every citation quotes its source verbatim. Reports all
 * problems at once so a curator can fix them in one pass.
 */
export function checkCorpus(corpus: Corpus): MergedCorpus {
  const merged = merge(corpus);
  const problems: string[] = [];

  const keysOf = <T>(section: string, items: Array<{ file: string; index: number; entry: T }>, keyOf: (entry: T) => string) => {
    const seen = new Map<string, string>();
    for (const { file, index, entry } of items) {
      const key = keyOf(entry);
      const where = `${file}: ${section}[${index}] (${key})`;
      if (seen.has(key)) problems.push(`${where}: duplicate key, already defined at ${seen.get(key)}`);
      else seen.set(key, where);
    }
    return new Set(seen.keys());
  };

  const sourceKeys = keysOf('sources', merged.sources, (source) => source.key);
  const organisationKeys = keysOf('organisations', merged.organisations, (organisation) => organisation.key);
  const personKeys = keysOf('people', merged.people, (person) => person.key);
  const topicSlugs = keysOf('topics', merged.topics, (topic) => topic.slug);
  const seriesSlugs = keysOf('series', merged.series, (series) => series.slug);
  const conferenceKeys = keysOf('conferences', merged.conferences, (conference) =>
    conferenceKey(conference.series, conference.year),
  );
  const positionsByPerson = new Map(
    merged.people.map(({ entry }) => [entry.key, new Set(entry.positions.map((position) => position.key))]),
  );

  const expect = (where: string, what: string, value: string | undefined, known: Set<string>) => {
    if (value !== undefined && !known.has(value)) problems.push(`${where}: unknown ${what} "${value}"`);
  };
  const checkCitations = (where: string, cites: CitationInput[]) => {
    for (const [index, cite] of cites.entries()) {
      const source = corpus.texts.get(cite.source);
      if (!source) problems.push(`${where}: cite[${index}]: unknown source "${cite.source}"`);
      else if (!source.text.includes(cite.excerpt)) {
        problems.push(`${where}: cite[${index}]: the excerpt does not occur verbatim in source "${cite.source}": "${cite.excerpt}"`);
      }
    }
  };
  const checkTopics = (where: string, links: Array<{ topic: string }>) =>
    links.forEach((link, index) => expect(`${where}: topics[${index}]`, 'topic', link.topic, topicSlugs));
  const checkParticipant = (where: string, participant: { person: string; position?: string; cite: CitationInput[] }) => {
    expect(where, 'person', participant.person, personKeys);
    const positions = positionsByPerson.get(participant.person);
    if (participant.position !== undefined && positions && !positions.has(participant.position)) {
      problems.push(`${where}: person "${participant.person}" has no position "${participant.position}"`);
    }
    checkCitations(where, participant.cite);
  };

  for (const { file, index, entry } of merged.sources) {
    const where = `${file}: sources[${index}] (${entry.key})`;
    expect(where, 'publisher organisation', entry.publisher, organisationKeys);
    for (const [annexIndex, annex] of entry.annexes.entries()) {
      const annexWhere = `${where}: annexes[${annexIndex}] (${annex.label})`;
      annex.conferences.forEach((listed) => expect(annexWhere, 'conference', listed, conferenceKeys));
      checkCitations(annexWhere, annex.cite);
    }
  }
  for (const { file, index, entry } of merged.organisations) {
    const where = `${file}: organisations[${index}] (${entry.key})`;
    expect(where, 'parent organisation', entry.parent, organisationKeys);
    if (entry.parent === entry.key) problems.push(`${where}: an organisation cannot be its own parent`);
    checkTopics(where, entry.topics);
    checkCitations(where, entry.cite);
  }
  for (const { file, index, entry } of merged.people) {
    const where = `${file}: people[${index}] (${entry.key})`;
    const seen = new Set<string>();
    for (const [positionIndex, position] of entry.positions.entries()) {
      const positionWhere = `${where}: positions[${positionIndex}] (${position.key})`;
      if (seen.has(position.key)) problems.push(`${positionWhere}: duplicate position key`);
      seen.add(position.key);
      expect(positionWhere, 'organisation', position.organisation, organisationKeys);
      checkCitations(positionWhere, position.cite);
    }
    checkCitations(where, entry.cite);
  }
  for (const { file, index, entry } of merged.series) {
    expect(`${file}: series[${index}] (${entry.slug})`, 'organiser organisation', entry.organiser, organisationKeys);
  }
  for (const { file, index, entry } of merged.conferences) {
    const where = `${file}: conferences[${index}] (${conferenceKey(entry.series, entry.year)})`;
    expect(where, 'series', entry.series, seriesSlugs);
    entry.sources.forEach((source) => expect(where, 'source', source, sourceKeys));
    entry.contacts.forEach((contact, contactIndex) =>
      expect(`${where}: contacts[${contactIndex}]`, 'organisation', contact.organisation, organisationKeys),
    );
    if (entry.startDate && entry.endDate && entry.startDate > entry.endDate) {
      problems.push(`${where}: startDate ${entry.startDate} is after endDate ${entry.endDate}`);
    }
    checkTopics(where, entry.topics);
    checkCitations(where, entry.cite);
    const refs = new Set<string>();
    const dayNumbers = new Set<number>();
    for (const [dayIndex, day] of entry.days.entries()) {
      const dayWhere = `${where}: days[${dayIndex}]`;
      if (dayNumbers.has(day.number)) problems.push(`${dayWhere}: duplicate day number ${day.number}`);
      dayNumbers.add(day.number);
      if (day.chair) checkParticipant(`${dayWhere}.chair`, day.chair);
      checkCitations(dayWhere, day.cite);
      for (const { session, path } of walkSessions(day.sessions, `${dayWhere}.sessions`)) {
        const sessionWhere = `${path} (${session.ref})`;
        if (refs.has(session.ref)) problems.push(`${sessionWhere}: duplicate session ref within the conference`);
        refs.add(session.ref);
        checkTopics(sessionWhere, session.topics);
        checkCitations(sessionWhere, session.cite);
        session.participants.forEach((participant, participantIndex) =>
          checkParticipant(`${sessionWhere}: participants[${participantIndex}]`, participant),
        );
      }
    }
  }

  problems.push(...checkEditionFacts(merged));
  if (problems.length > 0) throw new CorpusError(problems);
  return merged;
}
