import { foldedWords } from './fold.js';

/**
 * South Africa's nine provinces and the other names sources use for them. A
 * programme that gives "Director-General, Free State" means the province's
 * government, so a province name resolves to its provincial government.
 * "Northern Province" was Limpopo's name until 2002, and the SMS conferences
 * began in 2001.
 */
const PROVINCES: ReadonlyArray<{ name: string; forms: string[] }> = [
  { name: 'Eastern Cape', forms: ['eastern cape'] },
  { name: 'Free State', forms: ['free state', 'orange free state'] },
  { name: 'Gauteng', forms: ['gauteng'] },
  { name: 'KwaZulu-Natal', forms: ['kwazulu natal', 'kzn'] },
  { name: 'Limpopo', forms: ['limpopo', 'northern province'] },
  { name: 'Mpumalanga', forms: ['mpumalanga'] },
  { name: 'North West', forms: ['north west'] },
  { name: 'Northern Cape', forms: ['northern cape'] },
  { name: 'Western Cape', forms: ['western cape'] },
];

const BY_FORM: ReadonlyMap<string, string> = new Map(PROVINCES.flatMap(({ name, forms }) => forms.map((form) => [form, name])));

/** Words around a province's name that still mean its government. */
const PREFIXES = ['province of the', 'province of', 'government of the', 'government of'];
const SUFFIXES = ['provincial government', 'provincial administration', 'provincial', 'province', 'government'];

/**
 * The province a text names and nothing more ("Free State", "Free State
 * Provincial Government", "Province of the Eastern Cape"), or undefined.
 * "Free State Department of Health" names a department, not the province.
 */
export function provinceNamed(text: string): string | undefined {
  let phrase = foldedWords(text).join(' ');
  // Looked up before each word is stripped: "Northern Province" is a name, not "Northern" plus "Province".
  if (BY_FORM.has(phrase)) return BY_FORM.get(phrase);
  for (const prefix of PREFIXES) {
    if (phrase.startsWith(`${prefix} `)) {
      phrase = phrase.slice(prefix.length + 1);
      break;
    }
  }
  if (BY_FORM.has(phrase)) return BY_FORM.get(phrase);
  for (const suffix of SUFFIXES) {
    if (phrase.endsWith(` ${suffix}`)) {
      phrase = phrase.slice(0, -suffix.length - 1);
      break;
    }
  }
  return BY_FORM.get(phrase);
}
