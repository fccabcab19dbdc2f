// The page's downloads: its table as CSV and its chart as PNG, both made in
// the browser from what is on screen. The server's /export/topic-timeline.csv
// cannot write this table (it has no shares, no totals and no per-year
// session totals: one row per topic and year), so the page links it as the
// raw data instead (rawDataUrl).

import { stringify } from '/insights/assets/csv-stringify.js';

/**
 * Records of text as a CSV document, written as the server's exports write
 * theirs (src/export/csv.ts) and by the same library: a byte-order mark so
 * that Excel reads it as UTF-8, CRLF line ends, and a field quoted when it
 * holds a comma, a quote or a line break.
 */
export function csvDocument(records) {
  return stringify(records, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
}

/** The server's long-format export of the same question, one row per topic and year. */
export function rawDataUrl(variables) {
  const params = new URLSearchParams();
  if (variables.topicSlugs.length) params.set('topicSlugs', variables.topicSlugs.join(','));
  if (variables.seriesSlug) params.set('seriesSlug', variables.seriesSlug);
  if (variables.fromYear !== null) params.set('fromYear', String(variables.fromYear));
  if (variables.toYear !== null) params.set('toYear', String(variables.toYear));
  return '/export/topic-timeline.csv?' + params.toString();
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference by now; give it a moment before letting the URL go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name for the view: lekgotla-topics-<mode>[-<series>][-<from>-<to>].<extension>. */
export function fileName(variables, mode, extension) {
  const parts = ['lekgotla-topics', mode];
  if (variables.seriesSlug) parts.push(variables.seriesSlug);
  if (variables.fromYear !== null || variables.toYear !== null) parts.push((variables.fromYear ?? 'start') + '-' + (variables.toYear ?? 'end'));
  return parts.join('-') + '.' + extension;
}
