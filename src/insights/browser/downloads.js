// The page's downloads: its table as CSV and its chart as PNG, both made in
// the browser from what is on screen. The server's /export/topic-timeline.csv
// cannot write this table (it has no shares, no totals and no per-year
// session totals: one row per topic and year), so the page links it as the
// raw data instead (rawDataUrl).

/** One field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(text) {
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/**
 * Records of text as an RFC 4180 document: CRLF line ends, and a byte-order
 * mark so that Excel reads it as UTF-8, as the server's exports do
 * (src/export/csv.ts).
 */
export function csvDocument(records) {
  return '\uFEFF' + records.map((record) => record.map(csvField).join(',') + '\r\n').join('');
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
