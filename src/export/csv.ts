import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV document: a header row, then the rows, as spreadsheets read them.
 * The BOM makes Excel take the file as UTF-8 (otherwise "±" and accented
 * names come out garbled); CRLF is RFC 4180's line end.
 */
export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  return stringify([[...header], ...rows.map((row) => row.map(cell))], {
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a bare "\n" or "\r" only when it chose the record
    // delimiter itself; with CRLF set explicitly a multi-line background would
    // otherwise be written unquoted and split the record.
    quote_record_delimiter: true,
  });
}

/** Booleans as words (csv-stringify's default writes 1 and an empty cell). */
function cell(value: CsvValue): string | number | null | undefined {
  return typeof value === 'boolean' ? String(value) : value;
}
