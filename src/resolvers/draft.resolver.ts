import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { stringify } from 'yaml';
import { Role } from '../entities/enums.js';
import { draftFacts } from '../ingest/extract/draft-facts.js';
import { extractDraft } from '../ingest/extract/extract-draft.js';
import { ExtractDraftInput, ExtractedDraftType } from './draft.types.js';

@Resolver()
export class DraftResolver {
  // An editor's step before an import: it reads nothing and writes nothing, but drafts are for key holders, as imports are.
  @Authorized(Role.EDITOR)
  @Query(() => ExtractedDraftType, {
    description:
      "Drafts a page's text in the corpus format, as `kb extract` does: every fact with the words and lines of the page it was read from, and the lines that could not be read. Writes nothing; review the draft, then pass it to importProgramme.",
  })
  extractedDraft(@Arg('input') input: ExtractDraftInput): ExtractedDraftType {
    const { draft, unparsed, pending } = extractDraft(input.text, {
      sourceKey: input.sourceKey,
      sourceFile: `sources/${input.sourceKey}.txt`,
      ...(input.seriesSlug ? { seriesSlug: input.seriesSlug } : {}),
    });
    return {
      sourceKey: input.sourceKey,
      corpus: stringify(draft, { lineWidth: 0 }),
      facts: draftFacts(draft, input.text, pending).map(({ lines, ...fact }) => ({ ...fact, ...lines })),
      unparsed,
    };
  }
}
