import nlp from 'compromise';
import { clean } from './text.js';

/** One sentence of a passage: its words on one line, and the verbatim span to cite. */
export type Sentence = { text: string; excerpt: string };

/**
 * Splits a passage into sentences with compromise, which knows that "Prof."
 * or "Dr." do not end one. Line breaks become spaces of the same length
 * first: compromise treats a line break as a boundary, and keeping the
 * length keeps its offsets pointing into the verbatim passage.
 */
export function sentencesOf(passage: string): Sentence[] {
  const flat = passage.replace(/[\r\n]/g, ' ');
  const spans = nlp(flat).json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
  return spans.map(({ offset }) => {
    const excerpt = passage.slice(offset.start, offset.start + offset.length).trim();
    return { text: clean(excerpt), excerpt };
  });
}

/**
 * Whether a heading is a headline ("Deputy Minister Radebe to open the 2011 SMS conference") rather than
 * a name ("Senior Management Service Conference 2011"): compromise's tagger finds a verb in a headline.
 */
export function hasVerb(heading: string): boolean {
  return nlp(heading).verbs().length > 0;
}
