import { readFile } from 'node:fs/promises';

export type DocumentedExample = { query: string; expected: unknown; line: number };

/**
 * The examples of a Markdown document: every ```graphql block followed by a
 * ```json block holding the `data` it must answer.
 */
export async function documentedExamples(file: URL): Promise<DocumentedExample[]> {
  const text = await readFile(file, 'utf8');
  const blocks = [...text.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map((match) => ({
    language: match[1],
    body: match[2]!,
    line: text.slice(0, match.index).split('\n').length,
  }));
  const examples: DocumentedExample[] = [];
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.language === 'graphql' && next?.language === 'json') {
      examples.push({ query: block.body, expected: JSON.parse(next.body), line: block.line });
    }
  });
  return examples;
}
