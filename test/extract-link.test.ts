import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKnown } from '../src/cli/commands/eval-extract.js';
import type { CorpusFile } from '../src/ingest/corpus.schema.js';
import { linkToKnown } from '../src/ingest/extract/evaluation/known-people.js';
import { extractDraft } from '../src/ingest/extract/extract-draft.js';
import { importCorpus } from '../src/ingest/import-corpus.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * People named on pages the knowledge base has not seen are linked to the
 * people it knows by the import itself (a dry run on the seeded database), and
 * the evaluation's in-memory linking (linkToKnown) decides as the import does.
 */

let app: TestApp;
let known: CorpusFile;
beforeAll(async () => {
  app = await startTestApp();
  known = await readKnown('data/corpus');
});
afterAll(() => app?.close());

const tune = new URL('./extraction-eval/tune/', import.meta.url);

async function importDecisions(page: string) {
  const text = readFileSync(new URL(`${page}.txt`, tune), 'utf8');
  const { draft } = extractDraft(text, { sourceKey: page, sourceFile: `${page}.txt` });
  const corpus = { parts: [{ file: `draft of ${page}`, content: draft }], texts: new Map([[page, { text, checksum: '' }]]) };
  const report = await importCorpus(app.lekgotla.database.orm.em.fork(), corpus, { actor: 'test', dryRun: true });
  return { draft, people: report.identities.filter((decision) => decision.kind === 'PERSON') };
}

describe('a 2009 media statement that names the Director-General in prose', () => {
  it('links "Professor Richard Levin", Director-General: Public Service and Administration, to the 2007 record of Prof R M Levin', async () => {
    const { people } = await importDecisions('t02-sms-2009-media-statement');
    expect(people.map(({ inputKey, decision, key }) => ({ inputKey, decision, key }))).toEqual([
      { inputKey: 'levin-richard', decision: 'SAME', key: 'levin-r-m' },
      { inputKey: 'dlamini-sipho', decision: 'NEW', key: 'dlamini-sipho' },
      { inputKey: 'mokoena-lindiwe', decision: 'NEW', key: 'mokoena-lindiwe' },
    ]);
  });
});

describe('the evaluation links people as the import does', () => {
  const pages = readdirSync(tune).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4));
  it.each(pages)('on %s', async (page) => {
    const { draft, people } = await importDecisions(page);
    const linkedByImport = new Map(people.filter((decision) => decision.decision === 'SAME' || decision.decision === 'KNOWN').map((decision) => [decision.inputKey, decision.key]));
    expect(linkToKnown(draft, known)).toEqual(linkedByImport);
  });
});
