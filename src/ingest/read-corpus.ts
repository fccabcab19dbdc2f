import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { CorpusError } from './corpus-error.js';
import { corpusFileSchema, type CorpusFile } from './corpus.schema.js';

/** One parsed corpus file, remembered with its path so problems can name it. */
export type CorpusPart = { file: string; content: CorpusFile; directory?: string };

/** A corpus ready to check: its parts and the verbatim texts of the sources they name. */
export type Corpus = {
  parts: CorpusPart[];
  /** Source text by source key, read byte for byte from the data folder. */
  texts: Map<string, { text: string; checksum: string }>;
};

async function yamlFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function describePath(segments: PropertyKey[]): string {
  return segments.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)),
    '',
  );
}

/** Parses and validates one file's text; every problem names the file and the entry. */
export function parseCorpusFile(file: string, text: string): CorpusPart {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new CorpusError(document.errors.map((error) => `${file}: not valid YAML: ${error.message}`));
  }
  const parsed = corpusFileSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    throw new CorpusError(
      parsed.error.issues.map((issue) => `${file}: ${describePath(issue.path) || '(top level)'}: ${issue.message}`),
    );
  }
  return { file, content: parsed.data };
}

export function checksumOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A source's text, found beside the corpus file that names it or else in the data folder. */
async function readSourceText(file: string, directories: Array<string | undefined>): Promise<string> {
  const candidates = path.isAbsolute(file) ? [file] : directories.flatMap((directory) => (directory ? [path.join(directory, file)] : []));
  for (const candidate of candidates.slice(0, -1)) {
    try {
      return await readFile(candidate, 'utf8');
    } catch {
      // Not beside the corpus file: try the next place.
    }
  }
  return readFile(candidates[candidates.length - 1]!, 'utf8');
}

/**
 * Reads every YAML file under `corpusDirectory` (or one file) and the source
 * texts they point to, relative to `dataDirectory`.
 */
export async function readCorpus(dataDirectory: string, corpusPath = path.join(dataDirectory, 'corpus')): Promise<Corpus> {
  const files = corpusPath.match(/\.ya?ml$/) ? [corpusPath] : await yamlFilesUnder(corpusPath);
  if (files.length === 0) throw new CorpusError([`${corpusPath}: no corpus files (*.yaml) found`]);
  const problems: string[] = [];
  const parts: CorpusPart[] = [];
  for (const file of files) {
    try {
      const part = parseCorpusFile(path.relative(process.cwd(), file), await readFile(file, 'utf8'));
      parts.push({ ...part, directory: path.dirname(file) });
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      problems.push(...error.problems);
    }
  }
  const texts: Corpus['texts'] = new Map();
  for (const part of parts) {
    for (const [index, source] of part.content.sources.entries()) {
      try {
        const text = await readSourceText(source.file, [part.directory, dataDirectory]);
        texts.set(source.key, { text, checksum: checksumOf(text) });
      } catch {
        problems.push(`${part.file}: sources[${index}] (${source.key}): cannot read its text file ${source.file}`);
      }
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return { parts, texts };
}
