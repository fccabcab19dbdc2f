import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../entities/enums.js';
import { badUserInput } from '../../errors.js';
import { CorpusError } from '../../ingest/corpus-error.js';
import { importCorpus } from '../../ingest/import-corpus.js';
import { checksumOf, parseCorpusFile } from '../../ingest/read-corpus.js';
import type { Context } from '../../context.js';
import { ImportProgrammeInput, ImportReportType } from './import.types.js';

@Resolver()
export class ImportMutations {
  @Authorized(Role.EDITOR)
  @Mutation(() => ImportReportType, {
    description:
      'Imports a programme in the corpus format: checked whole before anything is written, people and organisations matched to known ones, applied in one transaction. Importing the same input again changes nothing.',
  })
  async importProgramme(@Ctx() context: Context, @Arg('input') input: ImportProgrammeInput): Promise<ImportReportType> {
    try {
      const part = parseCorpusFile('input.corpus', input.corpus);
      const texts = new Map(input.sources.map((source) => [source.key, { text: source.text, checksum: checksumOf(source.text) }]));
      const missing = part.content.sources.filter((source) => !texts.has(source.key)).map((source) => source.key);
      if (missing.length > 0) throw new CorpusError(missing.map((key) => `input.sources: no text was sent for the source "${key}"`));
      const review = input.review && {
        rejectedChanges: new Set(input.review.rejectChanges ?? []),
        acceptedConflicts: new Set(input.review.acceptConflicts ?? []),
        keptConflicts: new Set(input.review.keepConflicts ?? []),
      };
      const report = await importCorpus(context.em, { parts: [part], texts }, { actor: context.actor!.name, dryRun: input.dryRun, review });
      return {
        importId: report.importId,
        changes: report.changes,
        conflicts: report.conflicts,
        dryRun: report.dryRun,
        changed: report.changed,
        records: Object.entries(report.records).map(([recordType, tally]) => ({ recordType, removed: 0, ...tally })),
        identities: report.identities.map((identity) => ({ ...identity, candidates: identity.candidates ?? [] })),
      };
    } catch (error) {
      if (error instanceof CorpusError) {
        throw badUserInput(`The programme cannot be imported: ${error.problems.join('; ')}`, 'input.corpus');
      }
      throw error;
    }
  }
}
