import { createHash } from 'node:crypto';
import { CitedKind, SourceKind } from '../entities/enums.js';
import type { IdSequence } from './ids.js';
import type { Row } from './tables.js';

/**
 * The text of one synthetic event page, written line by line as the
 * programme is generated, with the citations that quote it. Every excerpt
 * is a whole line of the text (less its indentation), so it is verbatim.
 */
export class EventPage {
  private readonly lines: string[] = [];
  private readonly citations: Array<{ kind: CitedKind; subjectId: number; excerpt: string }> = [];

  /** Adds a line; with `cite`, records it as evidence for that record. */
  line(text: string, indent = 0, cite?: { kind: CitedKind; subjectId: number }): void {
    this.lines.push(' '.repeat(indent) + text);
    if (cite) this.citations.push({ ...cite, excerpt: text });
  }

  blank(): void {
    this.lines.push('');
  }

  /**
   * The source row (its checksum is the SHA-256 of the text, as for curated
   * sources) and the citation rows quoting it.
   */
  finish(
    ids: IdSequence,
    source: Omit<Row<'source'>, 'id' | 'text' | 'checksum' | 'kind'>,
  ): { source: Row<'source'>; citations: Array<Row<'citation'>> } {
    const text = `${this.lines.join('\n')}\n`;
    const id = ids.next('source');
    return {
      source: { ...source, id, kind: SourceKind.EVENT_PAGE, text, checksum: createHash('sha256').update(text).digest('hex') },
      citations: this.citations.map((citation) => ({
        id: ids.next('citation'),
        subject_kind: citation.kind,
        subject_id: citation.subjectId,
        source_id: id,
        excerpt: citation.excerpt,
      })),
    };
  }
}
