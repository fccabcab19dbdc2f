import os from 'node:os';
import { parseArgs } from 'node:util';
import { importCorpus, type ImportReport } from '../../ingest/import-corpus.js';
import { readCorpus } from '../../ingest/read-corpus.js';
import { UsageError, type Command } from '../command.js';
import { withDatabase } from './database.js';
import { printReport } from './load.js';

/** Who the history names for imports from the command line. */
export const commandLineActor = () => `command-line:${os.userInfo().username}`;

export function printImportReport(report: ImportReport): void {
  if (report.dryRun) console.log('Dry run: nothing was written. The import would do this:');
  const shown = (value: unknown) => (value === null ? '(empty)' : JSON.stringify(value));
  const line = (excerpt: string | undefined) => (excerpt ? `  ← "${excerpt.replace(/\s+/g, ' ')}"` : '');
  for (const change of report.changes) {
    console.log(`change ${change.key}: ${change.recordType} ${change.recordKey}: ${change.field} ${shown(change.before)} → ${shown(change.after)}${line(change.excerpt)}`);
  }
  for (const conflict of report.conflicts) {
    console.log(
      `conflict ${conflict.key}: ${conflict.recordType} ${conflict.recordKey}: ${conflict.field} stays ${shown(conflict.known)}; the source says ${shown(conflict.claimed)}${line(conflict.excerpt)}`,
    );
  }
  if (report.conflicts.length > 0 && !report.dryRun) console.log('Conflicts are kept as open claims: review them with the claims query and decideClaim (docs/editing.md).');
  printReport(report.records);
  for (const identity of report.identities.filter((decision) => decision.decision !== 'KNOWN')) {
    const target = identity.key === identity.inputKey ? '' : ` → ${identity.key}`;
    const candidates = identity.candidates?.length
      ? ` (possibly ${identity.candidates.map((candidate) => `${candidate.key} ${candidate.score.toFixed(2)}`).join(', ')})`
      : '';
    console.log(`${identity.kind.toLowerCase()} ${identity.inputKey}: ${identity.decision}${target}${candidates}`);
  }
  console.log(report.changed ? (report.dryRun ? 'The import would change the knowledge base.' : 'Imported.') : 'Nothing to change: the knowledge base already holds all of it.');
}

export const importCommand: Command = {
  usage: 'import FILE|DIR [--dry-run]',
  summary: 'import corpus files, matching people and organisations to known ones, in one transaction',
  run: (context) => {
    const { positionals, values } = parseArgs({ args: context.args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
    const [target] = positionals;
    if (!target) throw new UsageError('import needs a corpus FILE or DIR');
    return withDatabase(context, async ({ orm }) => {
      const corpus = await readCorpus(context.config.dataDir, target);
      printImportReport(await importCorpus(orm.em.fork(), corpus, { actor: commandLineActor(), dryRun: values['dry-run'] }));
      return 0;
    });
  },
};
