import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { stringify } from 'yaml';
import { Role } from '../entities/enums.js';
import { badUserInput } from '../errors.js';
import { CorpusError } from '../ingest/corpus-error.js';
import { draftFacts } from '../ingest/extract/draft-facts.js';
import { parseCorpusFile } from '../ingest/read-corpus.js';
import { ExtractDraftInput, ExtractedDraftType } from './draft.types.js';

@Resolver()
export class DraftResolver {
  // An editor's step before an import: it reads nothing and writes nothing, but drafts are for key holders, as imports are.
  @Authorized(Role.EDITOR)
  @Query(() => ExtractedDraftType, {
    description:
      "Drafts a page's text in the corpus format, as `kb extract` does (or reads a draft sent with it): every fact with the words and lines of the page it was read from, and the lines that could not be read. Writes nothing; review the draft, then pass it to importProgramme.",
  })
  async extractedDraft(@Arg('input', { description: 'The page text, its source key and, optionally, its series or an earlier draft.' }) input: ExtractDraftInput): Promise<ExtractedDraftType> {
    // The extractor's language models (compromise, chrono-node) hold about 15 MB of heap: loaded at an editor's first draft, not by every server.
    const { extractDraft } = await import('../ingest/extract/extract-draft.js');
    const extracted = extractDraft(input.text, {
      sourceKey: input.sourceKey,
      sourceFile: `sources/${input.sourceKey}.txt`,
      ...(input.seriesSlug ? { seriesSlug: input.seriesSlug } : {}),
    });
    if (input.corpus == null) {
      return {
        sourceKey: input.sourceKey,
        corpus: stringify(extracted.draft, { lineWidth: 0 }),
        facts: draftFacts(extracted.draft, input.text, extracted.pending).map(({ lines, ...fact }) => ({ ...fact, ...lines })),
        unparsed: extracted.unparsed,
      };
    }
    try {
      const written = parseCorpusFile('input.corpus', input.corpus).content;
      return {
        sourceKey: input.sourceKey,
        corpus: input.corpus,
        // The extractor's pending facts are notes on its own draft; a draft written by hand has placed them or not.
        facts: draftFacts(written, input.text).map(({ lines, ...fact }) => ({ ...fact, ...lines })),
        unparsed: extracted.unparsed,
      };
    } catch (error) {
      if (error instanceof CorpusError) throw badUserInput(`The draft cannot be read: ${error.problems.join('; ')}`, 'input.corpus');
      throw error;
    }
  }
}
