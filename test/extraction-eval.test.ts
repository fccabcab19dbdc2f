import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKnown } from '../src/cli/commands/eval-extract.js';
import { checkCorpus } from '../src/ingest/check-corpus.js';
import { corpusFileSchema } from '../src/ingest/corpus.schema.js';
import { parseAnswerKey } from '../src/ingest/extract/evaluation/answer-key.js';
import type { Claims } from '../src/ingest/extract/evaluation/claims.js';
import { combine, evaluateSet, formatSetScore, meetsTargets, precision, recall, targets } from '../src/ingest/extract/evaluation/evaluate.js';
import { extractDraft } from '../src/ingest/extract/extract-draft.js';
import { scorePage } from '../src/ingest/extract/evaluation/score.js';

/** The extraction evaluation's pages and its scorer (docs/extraction.md). */

const folder = (set: string) => new URL(`./extraction-eval/${set}/`, import.meta.url);
const pagesOf = (set: string) => readdirSync(folder(set)).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4));

describe('the evaluation set', () => {
  it('has at least 15 pages, 5 of them held out, each with an answer key that parses', () => {
    const tune = pagesOf('tune');
    const holdout = pagesOf('holdout');
    expect(tune.length + holdout.length).toBeGreaterThanOrEqual(15);
    expect(holdout.length).toBeGreaterThanOrEqual(5);
    for (const [set, pages] of [['tune', tune], ['holdout', holdout]] as const) {
      for (const page of pages) {
        expect(() => parseAnswerKey(page, readFileSync(new URL(`${page}.yaml`, folder(set)), 'utf8'))).not.toThrow();
      }
    }
  });

  it.each([...pagesOf('tune').map((page) => ['tune', page]), ...pagesOf('holdout').map((page) => ['holdout', page])])(
    'drafts %s/%s into a corpus file that passes the corpus check against the page, every citation verbatim',
    (set, page) => {
      const text = readFileSync(new URL(`${page}.txt`, folder(set)), 'utf8');
      const { draft } = extractDraft(text, { sourceKey: page, sourceFile: `${page}.txt` });
      expect(corpusFileSchema.parse(draft)).toEqual(draft);
      expect(() => checkCorpus({ parts: [{ file: 'draft', content: draft }], texts: new Map([[page, { text, checksum: '' }]]) })).not.toThrow();
    },
  );

  it('documents its key format with an example that is a valid key (docs/extraction.md)', () => {
    const docs = readFileSync(new URL('../docs/extraction.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(docs)![1]!;
    expect(parseAnswerKey('docs/extraction.md', example).people.map((person) => person.known)).toEqual([undefined, 'levin-r-m']);
  });

  it('refuses a key whose person names an organisation it does not list', () => {
    expect(() => parseAnswerKey('bad.yaml', 'conference: null\npeople:\n  - { name: C Clark, organisation: DPSA }\n')).toThrow(
      'bad.yaml: people.0.organisation: "DPSA" is not listed under organisations',
    );
  });
});

describe('the scorer', () => {
  const key = parseAnswerKey(
    'key.yaml',
    `conference:
  series: { name: Western Cape Senior Management Service Conference, sphere: PROVINCIAL, province: Western Cape }
  year: 2008
  venue: Fancourt Hotel
  theme: "A home for all"
people:
  - { title: Prof, name: Richard Levin, office: Director-General, organisation: Department of Public Service and Administration, roles: [SPEAKER], known: levin-r-m }
organisations:
  - { name: Department of Public Service and Administration, acronym: DPSA }
`,
  );
  const dpsa = { name: 'Public Service and Administration', aliases: [] };
  const levin = { key: 'levin-richard', honorific: 'Professor', givenNames: 'Richard', surname: 'Levin', offices: [{ title: 'Director-General', organisation: dpsa }], roles: new Set(['SPEAKER'] as const) };
  const claims: Claims = {
    conference: { series: { name: 'Western Cape Provincial SMS Conference', sphere: 'PROVINCIAL', province: 'Western Cape' }, year: 2008, venue: 'Fancourt hotel', subThemes: [] },
    people: [levin, { key: 'oz', honorific: 'Dr', surname: 'Oz', offices: [], roles: new Set() }],
    organisations: [dpsa],
  };
  const score = combine('example', [scorePage('example', key, claims, new Map([['levin-richard', 'levin-r-m']]))]);

  it('finds facts written differently but meaning the same: "SMS" for the words, "Professor" for "Prof", a name without "Department of"', () => {
    expect(score.byField['series.name']).toEqual({ listed: 1, found: 1, claimed: 1, correct: 1 });
    expect(score.byField['person.title']).toEqual({ listed: 1, found: 1, claimed: 2, correct: 1 });
    expect(score.byField['person.organisation']).toEqual({ listed: 1, found: 1, claimed: 1, correct: 1 });
    expect(score.byField['person.known']).toEqual({ listed: 1, found: 1, claimed: 1, correct: 1 });
    expect(score.byField.venue).toEqual({ listed: 1, found: 1, claimed: 1, correct: 1 });
  });

  it('counts a listed fact the draft lacks as missed, and a person the key does not list as invented', () => {
    expect(score.misses).toEqual([{ page: 'example', field: 'theme', expected: 'A home for all' }]);
    expect(score.falseClaims).toEqual([
      { page: 'example', field: 'person', claimed: 'Dr Oz' },
      { page: 'example', field: 'person.title', claimed: 'Dr Oz: Dr' },
    ]);
    expect(score.entities).toEqual({ listed: 3, found: 3, claimed: 4, correct: 3 });
    expect(recall(score.overall)).toBeCloseTo(12 / 13);
    expect(precision(score.entities)).toBe(0.75);
    expect(meetsTargets(score)).toBe(false);
  });

  it('counts every fact of a page that describes no conference as invented', () => {
    const none = combine('none', [scorePage('none', parseAnswerKey('none.yaml', 'conference: null\n'), claims, new Map())]);
    expect(none.overall.listed).toBe(0);
    expect(none.overall.correct).toBe(0);
    expect(none.byField['series.name'].claimed).toBe(1);
    expect(precision(none.entities)).toBe(0);
  });
});

describe('the extractor, measured (npm run eval:extract)', () => {
  it.each(['tune', 'holdout'])(
    'finds on the %s set nearly every listed fact (the recall target) and invents no series, person or organisation',
    async (set) => {
      const score = await evaluateSet(new URL(`./extraction-eval/${set}`, import.meta.url).pathname, await readKnown('data/corpus'));
      expect({ recall: recall(score.overall) >= targets.recall, entityPrecision: precision(score.entities), report: formatSetScore(score) }).toMatchObject({
        recall: true,
        entityPrecision: targets.entityPrecision,
      });
    },
  );
});
