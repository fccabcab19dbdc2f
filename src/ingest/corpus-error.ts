/** A corpus that cannot be loaded; each problem names the file, the entry and what is wrong. */
export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    super(`The corpus has ${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CorpusError';
  }
}
