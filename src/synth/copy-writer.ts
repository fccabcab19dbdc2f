import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { encodeRow } from './copy-format.js';
import { emptyFigures, TABLE_ORDER, TABLES, type Cell, type Figures, type RowBatch, type TableName } from './tables.js';

/** Buffered COPY text is sent once it reaches this size, keeping memory flat at any scale. */
const FLUSH_BYTES = 16 * 1024 * 1024;

/**
 * Encodes row batches as COPY text per table and sends them with COPY FROM
 * STDIN on one connection (one COPY at a time, in foreign-key order), so
 * every row's references are in the database before it. Counts the rows
 * PostgreSQL reports copying.
 */
export class CopyWriter {
  private readonly buffers = new Map<TableName, string[]>(TABLE_ORDER.map((table) => [table, []]));
  private bufferedBytes = 0;
  readonly copied: Figures = emptyFigures();

  constructor(private readonly client: pg.Client) {}

  /** Takes a batch; sends what is buffered when the buffer is full. Batches must come in foreign-key order. */
  async write(batch: RowBatch): Promise<void> {
    for (const table of TABLE_ORDER) {
      const rows = batch[table] as Array<Readonly<Record<string, Cell>>> | undefined;
      if (!rows || rows.length === 0) continue;
      const lines = this.buffers.get(table)!;
      for (const row of rows) {
        const line = encodeRow(TABLES[table], row);
        lines.push(line);
        this.bufferedBytes += line.length;
      }
    }
    if (this.bufferedBytes >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of TABLE_ORDER) {
      const lines = this.buffers.get(table)!;
      if (lines.length === 0) continue;
      this.buffers.set(table, []);
      const columns = TABLES[table].map((column) => `"${column}"`).join(', ');
      const stream = this.client.query(copyFrom(`copy "${table}" (${columns}) from stdin`));
      await pipeline(Readable.from(chunks(lines)), stream);
      this.copied[table] += stream.rowCount;
    }
    this.bufferedBytes = 0;
  }
}

/** Joins lines into chunks of about 64 KiB: fewer, larger writes to the socket. */
function* chunks(lines: string[]): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
