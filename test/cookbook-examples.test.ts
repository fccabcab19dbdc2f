import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { documentedExamples } from './support/markdown-examples.js';

const cookbook = new URL('../docs/queries.md', import.meta.url);
const examples = await documentedExamples(cookbook);
const text = await readFile(cookbook, 'utf8');

/** The recipes: every `### ` heading, with the line it is on. */
const recipes = [...text.matchAll(/^### (.+)$/gm)].map((match) => ({
  title: match[1]!,
  line: text.slice(0, match.index).split('\n').length,
}));

describe('the cookbook (docs/queries.md)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('keeps every recipe', () => {
    expect(recipes.map((recipe) => recipe.title)).toEqual([
      'Who presented on organisational performance management, and in which years?',
      'Every role one person had, with the position held then and the citation',
      "An organisation's people and sessions: the DPSA",
      'Which Directors-General took part, and in which sessions?',
      'Sessions a Deputy Director-General facilitated: a position title with a role',
      'People by name: initials tell people apart',
      'A municipal department, its sections and its IDP priority areas',
      'The programme of an edition, day by day',
      'Who chaired each day, in what position, and where the programme says so',
      'What an edition focused on, and its objectives by group',
      'Editions known only by reference, and the annex that lists them',
      'What the sources say beside the programme: documents, completeness, attendance',
      "Where a fact comes from: citations, verbatim excerpts and the source's checksum",
      'Why a topic is attached to a record',
      'Topics over the years, unknown years marked',
      'A slug that names no topic',
      'The ids of the editions',
      'Comparing two editions',
      'Which organisations sent the most speakers (2007)?',
      'Sessions by year, role and organisation kind (facets)',
      'A phrase',
      'Either word: OR',
      'Leaving words out: -exclusion',
      'People only',
      'A misspelled name',
      'A hyphenated title',
      'A synonym from the taxonomy',
      "Sessions by a presenter's name",
      'The first page',
      'The next page',
    ]);
  });

  it('gives each recipe exactly one query with its answer, and no query without one', () => {
    expect(examples).toHaveLength((text.match(/```graphql\n/g) ?? []).length);
    const examplesPerRecipe = recipes.map((recipe, index) => {
      const end = recipes[index + 1]?.line ?? Number.POSITIVE_INFINITY;
      return examples.filter((example) => example.line > recipe.line && example.line < end).length;
    });
    expect(examplesPerRecipe).toEqual(recipes.map(() => 1));
    expect(examples.filter((example) => example.line < recipes[0]!.line)).toEqual([]);
  });

  it.each(examples.map((example) => [example.line, example] as const))(
    'example at docs/queries.md line %i answers exactly as documented',
    async (_line, example) => {
      const response = await app.post({ query: example.query });
      // An answer is documented as its data, or, when it holds errors, as its data and errors both.
      const { data, errors } = response.body;
      expect(errors === undefined ? data : { data, errors }).toEqual(example.expected);
    },
  );
});
