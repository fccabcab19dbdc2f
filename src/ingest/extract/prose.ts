import * as chrono from 'chrono-node';
import type { ParticipationInput } from '../corpus.schema.js';
import { namesIn, parseOffice, type PersonLine } from './people.js';
import { sentencesOf, type Sentence } from './sentences.js';
import type { Cited } from './statement.js';
import { clean, provinceIn } from './text.js';

/**
 * What the running prose of a page says about its conference: the sentences
 * of announcements ("The Western Cape province hosts its second Senior
 * Management Service (SMS) conference from 17 - 19 September 2008, in George
 * (Fancourt Hotel)") and news articles ("got underway today at the Gallagher
 * Convention Centre and will continue until tomorrow"), and the people it
 * names with their offices ("The Director-General: Public Service and
 * Administration, Professor Richard Levin, will outline …").
 *
 * Dates are read by chrono-node, relative ones ("today", "until tomorrow",
 * "until Friday") against the article's own date; sentences are split by
 * compromise (src/ingest/extract/sentences.ts).
 */

export type Role = ParticipationInput['role'];

export type ProseMention = { person: PersonLine; role?: Role; excerpt: string };

export type ProseReading = {
  /** Some sentence speaks of a conference of the Senior Management Service. */
  smsConference?: Cited<true>;
  year?: Cited<number>;
  start?: Cited<string>;
  end?: Cited<string>;
  venue?: Cited<{ name: string; city?: string }>;
  /** Where the venue's town was read when its sentence does not name it: the article's dateline. */
  venueTown?: Cited;
  /** The province whose conference this is ("The Eastern Cape province hosts its fourth …"). */
  province?: Cited<string>;
  theme?: Cited<string>;
  people: ProseMention[];
};

const conferenceWords = /\b(?:conference|summit|lekgotla|indaba|symposium|gathering)\b/i;
const smsWords = /\b(?:[Ss]enior [Mm]anagement [Ss]ervice|SMS)\b/;
const venueWords = /\b(?:Hotel|Centre|Center|Resort|Casino|Lodge|Palace|Hall|Convention|ICC|Estate|Spa|Inn|Club|Auditorium|Complex|Palms|Venue|Stadium)\b/;
const endCue = /\b(?:until|till|to|end|ends|ended|ending|close|closes|closed|closing|conclude|concludes|concluded)\b/i;
const startCue = /\b(?:underway|started|starts|start|opened|opens|open|began|begins|from|kicked off|commenced|commences)\b/i;

/** A run of capitalised words, with "and", "of", "the" inside it: "Windmill Casino and Entertainment Centre". */
function properPhrase(text: string): string | undefined {
  const words = text.split(' ');
  const taken: string[] = [];
  for (const [index, word] of words.entries()) {
    const bare = word.replace(/[.,;:]+$/, '');
    if (/^\p{Lu}/u.test(bare)) {
      taken.push(bare);
      if (bare !== word) break;
    } else if (['and', 'of', 'the', 'de', '&'].includes(bare) && taken.length > 0 && /^\p{Lu}/u.test(words[index + 1] ?? '')) {
      taken.push(bare);
    } else break;
  }
  return taken.length > 0 ? taken.join(' ') : undefined;
}

/** The role a sentence gives the person it names, from what it says they do. */
function roleIn(text: string): Role | undefined {
  if (/\bkeynote\b/i.test(text)) return 'KEYNOTE_SPEAKER';
  if (/\b(?:will chair|chaired|chairs|chairing|will preside)\b/i.test(text)) return 'CHAIRPERSON';
  if (/\bfacilitat/i.test(text)) return 'FACILITATOR';
  if (/\b(?:will present|presented|presents|presenting)\b/i.test(text)) return 'PRESENTER';
  if (/\bpanel/i.test(text)) return 'PANELLIST';
  if (/\b(?:told|addressed|addressing|welcom\w*|opening|closing|(?:officially )?open(?:ed|s)? the conference|close[sd]? the conference|will (?:outline|report|address|speak|deliver|give|open|close|officially))\b/i.test(text)) {
    return 'SPEAKER';
  }
  return undefined;
}

/** Labels that introduce a person's part in a statement: "Keynote address: The Minister …". */
const leadingLabel = /^(?:(?:keynote|opening|closing|welcome|special) address|keynote speaker|programme director)\s*:\s*/i;

function peopleIn(sentence: Sentence): ProseMention[] {
  const { text } = sentence;
  const names = namesIn(text);
  return names.flatMap((found, index): ProseMention[] => {
    const before = text.slice(index > 0 ? names[index - 1]!.end : 0, found.start);
    const after = text.slice(found.end, index + 1 < names.length ? names[index + 1]!.start : text.length);
    // "The Premier of the Western Cape, Mr Thabo Jacobs, will …": the office stands before the name, set off by a comma.
    // "… is being chaired by the Director-General of the Eastern Cape, Ms N Dyantyi": the office follows "by".
    const appositive = /,\s*$/.test(before) ? before.replace(/,\s*$/, '').split(/,\s*|\bwhile\s+|\bby\s+/).pop()!.replace(leadingLabel, '') : '';
    // "Ms T Nkosi, Chief Director: Conferences, said …": or after it.
    const following = /^,\s*([^,]+),/.exec(after)?.[1];
    const position = parseOffice(appositive) ?? (following ? parseOffice(following) : undefined);
    const role = roleIn(`${index === 0 ? before : ''} ${after}`);
    // Someone named with neither an office nor a part in the conference is no fact about it (a contact, say).
    if (!position && !role) return [];
    return [{ person: { name: found.name, ...(position ? { position } : {}) }, ...(role ? { role } : {}), excerpt: sentence.excerpt }];
  });
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Reads the passages of a page. `reference` is the article's own date, which
 * relative dates are read against; without it only dates written in full count.
 * `dateline` is the place the article was filed from, the town when no other is named.
 */
export function readProse(passages: string[], reference: string | undefined, dateline?: Cited): ProseReading {
  const reading: ProseReading = { people: [] };
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : new Date(0);
  let datelineTown = dateline;
  for (const [passageIndex, passage] of passages.entries()) {
    // "Midrand - The annual …": a news article's first paragraph may start with its dateline.
    const opening = passageIndex === 0 ? /^(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)\s+[-–—]\s+/u.exec(passage) : null;
    if (opening && !datelineTown) datelineTown = { value: opening[1]!, excerpt: opening[0].trim() };
    for (const sentence of sentencesOf(passage)) {
      const text = opening && passageIndex === 0 ? sentence.text.replace(opening[0], '') : sentence.text;
      reading.people.push(...peopleIn(sentence));
      const theme = /\btheme(?: of the conference)?(?: is)?\s*:?\s*(?:["“]([^"”]+)["”]|(?<=\bis\s*:?\s*)(\p{Lu}.+?)\.?$)/iu.exec(text);
      if (theme && !reading.theme) reading.theme = { value: clean(theme[1] ?? theme[2]!), excerpt: sentence.excerpt };
      if (!conferenceWords.test(text) && !/\bgot underway\b/i.test(text)) continue;

      const sms = smsWords.exec(text);
      if (sms) {
        reading.smsConference ??= { value: true, excerpt: sentence.excerpt };
        // "The Western Cape province hosts its …", or "… from across the Eastern Cape … for the provincial SMS conference".
        const provincial = /\bprovincial\s+(?:\S+\s+){0,2}$/i.test(text.slice(0, sms.index));
        const province = provinceIn(text.slice(Math.max(0, sms.index - 60), sms.index)) ?? (provincial ? provinceIn(text) : undefined);
        if (province && !reading.province) reading.province = { value: province, excerpt: sentence.excerpt };
        const year = /\b((?:19|20)\d{2})\s+(?:Senior Management Service|SMS)\b/.exec(text);
        if (year && !reading.year) reading.year = { value: Number(year[1]), excerpt: sentence.excerpt };
      }

      for (const result of chrono.en.GB.parse(text, { instant, timezone: 0 }, { forwardDate: true })) {
        // Without the article's own date, only a date written out with its year says which day it is.
        if (!reference && !/\b(?:19|20)\d{2}\b/.test(result.text)) continue;
        const cited = (date: Date) => ({ value: isoOf(date), excerpt: sentence.excerpt });
        if (result.end) {
          reading.start ??= cited(result.start.date());
          reading.end ??= cited(result.end.date());
          continue;
        }
        const clause = text.slice(0, result.index).split(/,|\band\b/).pop()!;
        if (endCue.test(clause)) reading.end ??= cited(result.start.date());
        else if (startCue.test(clause)) reading.start ??= cited(result.start.date());
      }

      // "in George (Fancourt Hotel)", or "at the Gallagher Convention Centre in Midrand".
      const townAndVenue = /\bin (\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*) \(([^)]+)\)/u.exec(text);
      if (townAndVenue && !reading.venue) reading.venue = { value: { name: clean(townAndVenue[2]!), city: townAndVenue[1]! }, excerpt: sentence.excerpt };
      for (const at of text.matchAll(/\bat (?:the )?(?=\p{Lu})/gu)) {
        if (reading.venue) break;
        const name = properPhrase(text.slice(at.index + at[0].length));
        if (!name || !venueWords.test(name)) continue;
        const rest = text.slice(at.index + at[0].length + name.length);
        const town = /^,?\s+in (\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)/u.exec(rest)?.[1];
        const city = town ?? datelineTown?.value;
        reading.venue = { value: { name, ...(city ? { city } : {}) }, excerpt: sentence.excerpt };
        if (!town && datelineTown) reading.venueTown = datelineTown;
      }
    }
  }
  return reading;
}
