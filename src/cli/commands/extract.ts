import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { extractDraft, type PendingFacts } from '../../ingest/extract/extract-draft.js';
import { importCorpus } from '../../ingest/import-corpus.js';
import { checksumOf } from '../../ingest/read-corpus.js';
import { slugOf } from '../../curation/natural-keys.js';
import { UsageError, type Command, type CommandContext } from '../command.js';
import { withDatabase } from './database.js';
import { commandLineActor, printImportReport } from './import.js';

const options = {
  series: { type: 'string' },
  key: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** Reads a document and drafts it in the corpus format; lines it could not read are reported, never guessed. */
async function draftFrom(context: CommandContext) {
  const { positionals, values } = parseArgs({ args: context.args, allowPositionals: true, options });
  const [file] = positionals;
  if (!file) throw new UsageError('a text FILE is needed');
  const text = await readFile(file, 'utf8');
  const sourceKey = values.key ?? slugOf(path.basename(file, path.extname(file)));
  const { draft, unparsed, pending } = extractDraft(text, {
    sourceKey,
    sourceFile: path.relative(path.dirname(path.resolve(values.out ?? file)), path.resolve(file)),
    seriesSlug: values.series,
  });
  for (const line of unparsed) console.error(`not understood, line ${line.line}: ${line.text.trim()} (${line.reason})`);
  for (const fact of pendingFacts(pending)) console.error(`read, but the corpus format has no field for it yet: ${fact}`);
  return { draft, text, sourceKey, values };
}

/** One line per pending fact, with the words it was read from, for the curator to place by hand. */
function pendingFacts(pending: PendingFacts): string[] {
  const quoted = (excerpt: string) => `"${excerpt.replace(/\s+/g, ' ')}"`;
  return [
    ...(pending.series ? [`series sphere ${pending.series.sphere}${pending.series.province ? `, province ${pending.series.province}` : ''} (${quoted(pending.series.excerpt)})`] : []),
    ...pending.subThemes.map((subTheme) => `sub-theme "${subTheme.value}" (${quoted(subTheme.excerpt)})`),
    ...(pending.attendance
      ? [`attendance ${pending.attendance.approximate ? '±' : ''}${pending.attendance.figure}, ${pending.attendance.kind.toLowerCase()} (${quoted(pending.attendance.excerpt)})`]
      : []),
    ...pending.roles.map((role) => `${role.person} as ${role.role} (${quoted(role.excerpt)})`),
  ];
}

export const extract: Command = {
  usage: 'extract FILE [--series SLUG] [--key KEY] [--out DRAFT.yaml]',
  summary: 'draft a conference page or media statement in the corpus format, for review before import',
  run: async (context) => {
    const { draft, values } = await draftFrom(context);
    const yaml = stringify(draft, { lineWidth: 0 });
    if (values.out) {
      await writeFile(values.out, yaml);
      console.error(`wrote ${values.out}: review it, then npm run kb -- import ${values.out}`);
    } else {
      process.stdout.write(yaml);
    }
    return 0;
  },
};

export const importText: Command = {
  usage: 'import-text FILE [--series SLUG] [--key KEY] [--dry-run]',
  summary: 'extract a document and import the draft in one step',
  run: async (context) => {
    const { draft, text, sourceKey, values } = await draftFrom(context);
    return withDatabase(context, async ({ orm }) => {
      const corpus = { parts: [{ file: `draft of ${sourceKey}`, content: draft }], texts: new Map([[sourceKey, { text, checksum: checksumOf(text) }]]) };
      printImportReport(await importCorpus(orm.em.fork(), corpus, { actor: commandLineActor(), dryRun: values['dry-run'] }));
      return 0;
    });
  },
};
