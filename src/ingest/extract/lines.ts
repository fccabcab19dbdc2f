import { clean } from './text.js';

/** A non-blank line of the source, with the layout the parsers read structure from. */
export type Line = {
  /** 1-based, as an editor shows it. */
  number: number;
  /** Offsets of the line's text in the source, indentation and trailing blanks excluded. */
  start: number;
  end: number;
  /** Leading whitespace in columns (a tab counts four). */
  indent: number;
  /** The bullet character the line starts with, if any ("•", "*", "-", "·", "1."). */
  bullet?: string;
  /** The words after the bullet, whitespace normalised. */
  content: string;
  /** Blank lines immediately before this one: two or more separate groups on some pages. */
  gap: number;
};

/** A source text split into lines, with the site's navigation set aside. */
export type SourceLines = {
  text: string;
  lines: Line[];
  /** The "Last update: …" footer, which dates the page. */
  lastUpdate?: Line;
};

const bulletPattern = /^(?:([•·▪◦●○■□➢►\uF0B7])|([*\-–]|o|\d{1,2}[.)])(?=[\s\u00A0]))[\s\u00A0]*/;

/** Footers after which the rest of the page is the site's navigation, never the document. */
const navigationStarts = [/^share this page$/i, /^similar categories to explore$/i, /^check also$/i, /^related (?:articles|stories|links)$/i];

/**
 * Single lines of site chrome inside or around the document: browser and
 * cookie notices, menus and breadcrumbs, and any line carrying a web address
 * (link spam), except the "Source:" line that names the publisher's site.
 */
const chrome = [
  /^\*?\s*having trouble viewing this site\?/i,
  /\b(?:uses|use of) cookies\b/i,
  /^skip to (?:main )?content$/i,
  /^you are here\s*:/i,
  /^(?:print|e-?mail|share) this page\b/i,
  /^back to top\b/i,
  /^this page has moved\b/i,
  /(?:\s[|>»]\s.*){2,}/,
];
const webAddress = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./i;
const sourceLabel = /^source\s*:/i;

function isChrome(content: string): boolean {
  return chrome.some((pattern) => pattern.test(content)) || (webAddress.test(content) && !sourceLabel.test(content));
}

const lastUpdatePattern = /^last updated?\s*:/i;

function indentOf(whitespace: string): number {
  return [...whitespace].reduce((columns, character) => columns + (character === '\t' ? 4 : 1), 0);
}

export function readLines(text: string): SourceLines {
  const lines: Line[] = [];
  let lastUpdate: Line | undefined;
  let gap = 0;
  let offset = 0;
  for (const [index, raw] of text.split('\n').entries()) {
    const lineStart = offset;
    offset += raw.length + 1;
    const visible = raw.replace(/[\s\u00A0]+$/, '');
    const leading = /^[\s\u00A0]*/.exec(visible)![0];
    if (visible.length === leading.length) {
      gap += 1;
      continue;
    }
    const body = visible.slice(leading.length);
    const bullet = bulletPattern.exec(body);
    const line: Line = {
      number: index + 1,
      start: lineStart + leading.length,
      end: lineStart + visible.length,
      indent: indentOf(leading),
      content: clean(bullet ? body.slice(bullet[0].length) : body),
      gap,
      ...(bullet ? { bullet: (bullet[1] ?? bullet[2])! } : {}),
    };
    gap = 0;
    if (navigationStarts.some((pattern) => pattern.test(line.content))) break;
    if (isChrome(line.content)) continue;
    if (lastUpdatePattern.test(line.content)) {
      lastUpdate = line;
      continue;
    }
    lines.push(line);
  }
  return { text, lines, ...(lastUpdate ? { lastUpdate } : {}) };
}

/** The verbatim text from the start of `first` to the end of `last`, line breaks included. */
export function quote(source: SourceLines, first: Line, last: Line = first): string {
  return source.text.slice(first.start, last.end);
}

/** A line the extractor could not place, for the curator to handle by hand. */
export type Unparsed = { line: number; text: string; reason: string };

export function unparsed(source: SourceLines, line: Line, reason: string): Unparsed {
  return { line: line.number, text: quote(source, line), reason };
}
