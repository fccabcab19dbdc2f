/**
 * Small text helpers shared by the extractor. Structured fields get light,
 * mechanical corrections only (whitespace, capitals, a mis-encoded "±");
 * spelling stays as written for the curator to fix.
 */

/** One line of words: non-breaking spaces and runs of whitespace become one space. */
export function clean(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Lower-case slug as corpus keys need it: "Fraser-Moleketi G J" → "fraser-moleketi-g-j". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug of at most `words` words, so keys built from long titles stay readable. */
export function shortSlug(text: string, words = 5): string {
  return slugify(text).split('-').slice(0, words).join('-');
}

export function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Web copies of these pages often lose the capital after a full stop ("... in 2001. the conferences"). */
export function capitaliseSentences(text: string): string {
  return capitaliseFirst(text).replace(/([.!?]\s+)([a-z])/g, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

/** A list item as a sentence: capitalised, ending with a full stop instead of a stray comma. */
export function asSentence(text: string): string {
  const body = capitaliseFirst(clean(text)).replace(/[,;:]+$/, '');
  return /[.!?)]$/.test(body) ? body : `${body}.`;
}

/** The "±" that some copies carry as U+FFFD, the Unicode replacement character. */
export function repairPlusMinus(text: string): string {
  return text.replace(/\uFFFD(?=\s?\d)/g, '±');
}

/** Where each sentence of a passage starts and ends; the passage may span lines. */
export function sentenceSpans(passage: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const boundary = /[.!?](?=\s|$)/g;
  let start = passage.search(/\S/);
  if (start < 0) return spans;
  for (const match of passage.matchAll(boundary)) {
    const end = match.index + 1;
    if (end <= start) continue;
    spans.push({ start, end });
    const next = passage.slice(end).search(/\S/);
    if (next < 0) return spans;
    start = end + next;
  }
  spans.push({ start, end: passage.trimEnd().length });
  return spans;
}

/** The sentence of `passage` that holds the character at `index`, verbatim. */
export function sentenceAt(passage: string, index: number): string {
  const span = sentenceSpans(passage).find(({ start, end }) => index >= start && index < end);
  return span ? passage.slice(span.start, span.end) : passage.trim();
}

/** South Africa's provinces, which the programmes name as organisations ("Director-General, Free State"). */
const provinces = [
  'Eastern Cape',
  'Free State',
  'Gauteng',
  'KwaZulu-Natal',
  'Limpopo',
  'Mpumalanga',
  'North West',
  'Northern Cape',
  'Western Cape',
] as const;

export function provinceIn(text: string): string | undefined {
  return provinces.find((province) => new RegExp(`\\b${province}\\b`, 'i').test(text));
}
