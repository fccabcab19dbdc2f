import type { Cell } from './tables.js';

/**
 * PostgreSQL's COPY text format: one line per row, cells separated by tabs,
 * \N for null, and backslash escapes for backslash, newline, carriage
 * return and tab inside values.
 */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeText(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (character) => ESCAPES[character]!);
}

/** A text[] literal with every element quoted: {"a","b \"c\""}. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

export function encodeCell(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return escapeText(cell);
  return escapeText(arrayLiteral(cell));
}

export function encodeRow(columns: readonly string[], row: Readonly<Record<string, Cell>>): string {
  return `${columns.map((column) => encodeCell(row[column]!)).join('\t')}\n`;
}
