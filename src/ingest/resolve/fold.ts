/**
 * Folding text into comparison keys. Every matcher in this folder compares
 * folded text, never the text as written, so "Pérez", "PEREZ" and "Perez"
 * meet, and "Fraser-Moleketi" meets "Fraser Moleketi".
 *
 * The platform's Unicode normalisation is enough here: NFKD splits an accented
 * letter into its base letter and a combining mark (and turns compatibility
 * forms such as the no-break space into plain ones), so dropping the marks
 * folds the accents of Afrikaans, French and Portuguese names (ê, ë, é, ô, ç).
 * Transliteration packages were considered and not taken: the popular one
 * spells German umlauts out ("Müller" → "Mueller"), which would make "Müller"
 * and "Muller" differ, and nothing in these sources needs letters that have no
 * decomposition (ø, ł, ß). It is also how src/read/person-names.ts
 * folds names, so the two agree.
 */

/** Lower case without accents: "Pérez" → "perez". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Folded words: any run of characters that are not letters or digits breaks
 * words, except apostrophes, which are dropped so that "Women's" and
 * "Mayor’s" stay one word.
 */
export function foldedWords(text: string): string[] {
  return fold(text)
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** One key that ignores case, accents, spaces, hyphens and punctuation: "van der Merwe" → "vandermerwe". */
export function compactKey(text: string): string {
  return foldedWords(text).join('');
}
