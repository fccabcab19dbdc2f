import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { linesOf } from '../src/ingest/extract/draft-facts.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * The extractedDraft query: what the /curate review page shows an editor
 * before an import. A made-up page of a 2009 conference; every expected value
 * was read from it (line numbers count from the page's first line).
 */
const PAGE = [
  'Senior management service conference 2009', //  1
  '', //                                              2
  'Leading a capable state: from plans to results', // 3
  '', //                                              4
  'Date: 9 Sep 2009 - 11 Sep 2009', //                5
  '', //                                              6
  'Venue: Durban International Convention Centre, Durban', // 7
  '', //                                              8
  'Day 1 – Wednesday, 9 September 2009', //           9
  '', //                                             10
  'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)', // 11
  '', //                                             12
  'Date: 31 September 2009', //                      13
  '',
].join('\n');

const ExtractedDraftRead = graphql(`
  query ExtractedDraftRead($input: ExtractDraftInput!) {
    extractedDraft(input: $input) {
      sourceKey
      corpus
      facts {
        record
        label
        excerpt
        firstLine
        lastLine
        pending
      }
      unparsed {
        line
        text
        reason
      }
    }
  }
`);

let app: TestApp;
let editorKey: string;

beforeAll(async () => {
  app = await startTestApp();
  editorKey = await createApiKey(app.lekgotla.database.orm.em.fork(), 'draft-test-editor', Role.EDITOR);
});
afterAll(() => app?.close());

async function send<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, authorization?: string) {
  const { status, body } = await app.post({ query: print(document), variables }, authorization ? { authorization } : {});
  return { status, ...(body as GraphQLResponse<Result>) };
}

describe('extractedDraft: a page drafted for review, each fact with its lines', () => {
  it('drafts the page in the corpus format and cites every fact by the lines it was read from', async () => {
    const response = await send(ExtractedDraftRead, { input: { text: PAGE, sourceKey: 'sms-2009-event-page' } }, `Bearer ${editorKey}`);
    expect(response.errors).toBeUndefined();
    const draft = response.data!.extractedDraft;
    expect(draft.sourceKey).toBe('sms-2009-event-page');
    const CHAIR = 'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)';
    expect(draft.facts.map(({ record, label, firstLine, lastLine, pending }) => [record, label, firstLine, lastLine, pending])).toEqual([
      ['Organisation', 'Department of Public Service and Administration', 11, 11, false],
      ['Person', 'Ms C Clark', 11, 11, false],
      ['Position', 'Ms C Clark: Deputy Director-General', 11, 11, false],
      ['Conference', 'Senior management service conference 2009', 1, 1, false],
      ['Conference', 'Senior management service conference 2009', 3, 3, false],
      ['Conference', 'Senior management service conference 2009', 5, 5, false],
      ['Conference', 'Senior management service conference 2009', 7, 7, false],
      ['ConferenceDay', 'Day 1', 9, 9, false],
      ['Participation', 'Ms C Clark as CHAIRPERSON of Day 1', 11, 11, false],
      // The series' sphere has no field in the corpus format yet: the editor places it by hand.
      ['ConferenceSeries', 'sphere NATIONAL', 1, 1, true],
    ]);
    expect(draft.facts.map((fact) => fact.excerpt)).toEqual([
      CHAIR,
      CHAIR,
      CHAIR,
      'Senior management service conference 2009',
      'Leading a capable state: from plans to results',
      'Date: 9 Sep 2009 - 11 Sep 2009',
      'Venue: Durban International Convention Centre, Durban',
      'Day 1 – Wednesday, 9 September 2009',
      CHAIR,
      'Senior management service conference 2009',
    ]);
    // September has 30 days: the line is listed, never guessed.
    expect(draft.unparsed).toEqual([{ line: 13, text: 'Date: 31 September 2009', reason: 'fits nothing in the programme' }]);
    const corpus = parse(draft.corpus) as { conferences: Array<{ year: number; venue: unknown; startDate: string; endDate: string }> };
    expect(corpus.conferences.map(({ year, venue, startDate, endDate }) => ({ year, venue, startDate, endDate }))).toEqual([
      { year: 2009, venue: { name: 'Durban International Convention Centre', city: 'Durban' }, startDate: '2009-09-09', endDate: '2009-09-11' },
    ]);
  });

  it('reads a draft written by hand instead, locating its facts in the text and marking a quotation the text lacks', async () => {
    const corpus = [
      'sources:',
      '  - { key: sms-2009-event-page, title: Senior management service conference 2009, kind: EVENT_PAGE, file: sources/sms-2009-event-page.txt }',
      'conferences:',
      '  - series: sms',
      '    year: 2009',
      '    title: Senior Management Service Conference 2009',
      '    documentation: DOCUMENTED',
      '    cite:',
      '      - { source: sms-2009-event-page, excerpt: "Venue: Durban International Convention Centre, Durban" }',
      '      - { source: sms-2009-event-page, excerpt: "Venue: Durban ICC" }',
      '',
    ].join('\n');
    const response = await send(ExtractedDraftRead, { input: { text: PAGE, sourceKey: 'sms-2009-event-page', corpus } }, `Bearer ${editorKey}`);
    expect(response.errors).toBeUndefined();
    const draft = response.data!.extractedDraft;
    expect(draft.corpus).toBe(corpus);
    expect(draft.facts).toEqual([
      { record: 'Conference', label: 'Senior Management Service Conference 2009', excerpt: 'Venue: Durban International Convention Centre, Durban', firstLine: 7, lastLine: 7, pending: false },
      { record: 'Conference', label: 'Senior Management Service Conference 2009', excerpt: 'Venue: Durban ICC', firstLine: null, lastLine: null, pending: false },
    ]);
    // What the extractor could not read stays listed.
    expect(draft.unparsed.map((entry) => entry.line)).toEqual([13]);
  });

  it('refuses a draft that is not in the corpus format, naming the problem', async () => {
    const corpus = 'conferences:\n  - series: sms\n    year: 2009\n';
    const response = await send(ExtractedDraftRead, { input: { text: PAGE, sourceKey: 'sms-2009-event-page', corpus } }, `Bearer ${editorKey}`);
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => [error.extensions?.code, error.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', 'input.corpus']]);
    expect(response.errors?.[0]?.message).toMatch(/^The draft cannot be read: input\.corpus: conferences\[0\]\.title: /);
  });

  it('spans every line of an excerpt that runs over several lines', () => {
    expect(linesOf(PAGE, 'Venue: Durban International Convention Centre, Durban\n\nDay 1')).toEqual({ firstLine: 7, lastLine: 9 });
    expect(linesOf(PAGE, 'Durban, Kwazulu-Natal')).toBeUndefined();
  });

  it('is refused without a key: UNAUTHENTICATED, and no draft', async () => {
    const response = await send(ExtractedDraftRead, { input: { text: PAGE, sourceKey: 'sms-2009-event-page' } });
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['UNAUTHENTICATED', 'Writing needs an API key, sent as "Authorization: Bearer <key>"'],
    ]);
  });

  it('refuses a source key that is not a slug, naming the argument', async () => {
    const response = await send(ExtractedDraftRead, { input: { text: PAGE, sourceKey: 'SMS 2009 page' } }, `Bearer ${editorKey}`);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('sourceKey must be a lower-case slug such as "sms-2008-event-page"');
  });

  it('refuses a text longer than 100,000 characters with BAD_USER_INPUT, naming the limit', async () => {
    const text = `${PAGE}${'x'.repeat(100_001 - PAGE.length)}`;
    const response = await send(ExtractedDraftRead, { input: { text, sourceKey: 'sms-2009-event-page' } }, `Bearer ${editorKey}`);
    expect(response.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['BAD_USER_INPUT', 'extractedDraft(input.text:) takes at most 100000 characters; 100001 were sent'],
    ]);
  });
});
