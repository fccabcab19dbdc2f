import { foldedWords } from './fold.js';

/**
 * Abbreviations programmes use for titles, spelled out so that "DDG" and
 * "Deputy Director-General" compare equal. Only unambiguous ones: "CD" (Chief
 * Director or Chief Directorate?) is left alone.
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['dg', 'director general'],
  ['ddg', 'deputy director general'],
  ['ceo', 'chief executive officer'],
  ['cfo', 'chief financial officer'],
  ['coo', 'chief operating officer'],
  ['cio', 'chief information officer'],
  ['dep', 'deputy'],
  ['snr', 'senior'],
  ['sr', 'senior'],
  ['dir', 'director'],
  ['mgr', 'manager'],
  ['asst', 'assistant'],
  ['exec', 'executive'],
]);

export interface NormalisedTitle {
  /** Folded words, abbreviations spelled out, "acting" removed: "deputy director general". Empty when there is no title. */
  key: string;
  /** Whether the title said "Acting": an acting post is still the post, for matching. */
  acting: boolean;
}

export function normaliseTitle(title: string | undefined): NormalisedTitle {
  const words = foldedWords((title ?? '').replace(/&/g, ' and '));
  const acting = words.includes('acting');
  const key = words
    .filter((word) => word !== 'acting')
    .map((word) => ABBREVIATIONS.get(word) ?? word)
    .join(' ');
  return { key, acting };
}
