import { walkSessions } from '../check-corpus.js';
import type { CitationInput, CorpusFile } from '../corpus.schema.js';
import type { PendingFacts } from './extract-draft.js';

/** Where a quotation sits in the text: 1-based line numbers, as an editor counts them. */
export type LineSpan = { firstLine: number; lastLine: number };

/**
 * One fact of a draft and the words of the page it was read from, so a
 * reviewer can see each fact beside its source line. `pending` facts were
 * read but have no field in the corpus format yet: the editor places them by hand.
 */
export type DraftFact = {
  /** What kind of record the fact makes: "Conference", "Person", "Participation", … */
  record: string;
  /** The record in words: a title, a name, "Ms C Clark as CHAIRPERSON of Day 1". */
  label: string;
  excerpt: string;
  /** Undefined when the excerpt does not occur in the text (a draft written by hand may quote wrongly). */
  lines?: LineSpan;
  pending: boolean;
};

/** The lines of `text` the first occurrence of `excerpt` spans. */
export function linesOf(text: string, excerpt: string): LineSpan | undefined {
  const start = text.indexOf(excerpt);
  if (start < 0 || excerpt.length === 0) return undefined;
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  return { firstLine: lineAt(start), lastLine: lineAt(start + excerpt.length - 1) };
}

/**
 * Every cited fact of a draft, in the order the draft lists them (sources'
 * annexes, organisations, people with their positions, conferences with their
 * days, sessions and participants), then the pending facts.
 */
export function draftFacts(draft: CorpusFile, text: string, pending?: PendingFacts): DraftFact[] {
  const facts: DraftFact[] = [];
  const add = (record: string, label: string, cites: CitationInput[]) => {
    for (const cite of cites) facts.push({ record, label, excerpt: cite.excerpt, lines: linesOf(text, cite.excerpt), pending: false });
  };
  const addPending = (record: string, label: string, excerpt: string) => {
    facts.push({ record, label, excerpt, lines: linesOf(text, excerpt), pending: true });
  };
  const names = new Map(draft.people.map((person) => [person.key, person.aliases[0] ?? person.surname]));
  const nameOf = (key: string) => names.get(key) ?? key;
  const participation = (participant: { person: string; cite: CitationInput[] }, role: string, where: string) =>
    add('Participation', `${nameOf(participant.person)} as ${role} of ${where}`, participant.cite);

  for (const source of draft.sources) {
    for (const annex of source.annexes) add('Annex', `${annex.label} of ${source.title}`, annex.cite);
  }
  for (const organisation of draft.organisations) add('Organisation', organisation.name, organisation.cite);
  for (const person of draft.people) {
    add('Person', nameOf(person.key), person.cite);
    for (const position of person.positions) add('Position', `${nameOf(person.key)}: ${position.title}`, position.cite);
  }
  for (const conference of draft.conferences) {
    add('Conference', conference.title, conference.cite);
    for (const day of conference.days) {
      add('ConferenceDay', `Day ${day.number}${day.subTheme ? `: ${day.subTheme}` : ''}`, day.cite);
      if (day.chair) participation(day.chair, 'CHAIRPERSON', `Day ${day.number}`);
      for (const { session } of walkSessions(day.sessions, '')) {
        add('Session', session.title, session.cite);
        for (const participant of session.participants) participation(participant, participant.role, session.title);
      }
    }
  }
  if (pending?.series) {
    const province = pending.series.province ? `, ${pending.series.province}` : '';
    addPending('ConferenceSeries', `sphere ${pending.series.sphere}${province}`, pending.series.excerpt);
  }
  for (const subTheme of pending?.subThemes ?? []) addPending('Conference', `sub-theme: ${subTheme.value}`, subTheme.excerpt);
  if (pending?.attendance) {
    const { figure, approximate, kind } = pending.attendance;
    addPending('Conference', `attendance ${approximate ? '±' : ''}${figure}, ${kind.toLowerCase()}`, pending.attendance.excerpt);
  }
  for (const role of pending?.roles ?? []) addPending('Participation', `${nameOf(role.person)} as ${role.role}`, role.excerpt);
  return facts;
}

