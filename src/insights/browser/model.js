// The numbers /insights shows, as plain data: no DOM, no Chart.js. The chart,
// the table and the CSV download are all drawn from what these functions
// return, so what is downloaded is what is shown.

/**
 * Timeline rows (topic × year) and the sessions each year's editions hold →
 * years ascending, whether each year is known, per-year session totals, and
 * topics in the order the API gives them.
 */
export function tabulate(rows, sessionsByYear) {
  const years = [];
  const known = {};
  const topics = [];
  const bySlug = {};
  for (const row of rows) {
    if (!years.includes(row.year)) years.push(row.year);
    known[row.year] = row.known;
    let topic = bySlug[row.topic.slug];
    if (!topic) {
      topic = bySlug[row.topic.slug] = { slug: row.topic.slug, name: row.topic.name, sessionCount: {}, conferenceCount: {} };
      topics.push(topic);
    }
    topic.sessionCount[row.year] = row.sessionCount;
    topic.conferenceCount[row.year] = row.conferenceCount;
  }
  years.sort((a, b) => a - b);
  const allSessions = {};
  for (const year of years) allSessions[year] = sessionsByYear[year] ?? 0;
  return { years, known, topics, allSessions };
}

/** A count's text: the number for a known year; for one not known, "unknown" or the lower bound the records hold. */
export function countText(value, known) {
  if (value === null || value === undefined) return '—';
  if (known) return String(value);
  return value > 0 ? 'at least ' + value : 'unknown';
}

/** A share in percent with one decimal, as the table, the tooltip and the CSV write it. */
export function shareText(share) {
  return share === null ? 'unknown' : share.toFixed(1);
}

/** A topic's share of a year's sessions in percent; null (a gap) when the year is not known or held no session. */
function shareOf(topic, year, tabulated) {
  const total = tabulated.allSessions[year];
  if (!tabulated.known[year] || !total) return null;
  return ((topic.sessionCount[year] ?? 0) * 100) / total;
}

/** Sums over the known years only: a year not known adds nothing anyone counted. Null when no year is known. */
function knownSum(values, tabulated) {
  const knownYears = tabulated.years.filter((year) => tabulated.known[year]);
  if (knownYears.length === 0) return null;
  return knownYears.reduce((sum, year) => sum + (values[year] ?? 0), 0);
}

export const TOTALS_LABEL = 'Total, documented years';

/**
 * The table of a view, mode 'counts' or 'share': columns (per topic, then
 * all sessions), one row per year and a totals row, each cell with its text
 * as shown. The page's table and its CSV are both written from this.
 */
export function viewTable(tabulated, mode) {
  const columns = [];
  for (const topic of tabulated.topics) {
    if (mode === 'share') {
      columns.push({ topic, measure: 'sessionShare', heading: 'Share of sessions (%)' });
    } else {
      columns.push({ topic, measure: 'sessionCount', heading: 'Sessions' });
      columns.push({ topic, measure: 'conferenceCount', heading: 'Conferences' });
    }
  }
  columns.push({ topic: null, measure: 'allSessions', heading: 'All sessions' });

  const cellFor = (column, year) => {
    const known = tabulated.known[year];
    if (column.measure === 'allSessions') return { text: countText(tabulated.allSessions[year], known), known };
    if (column.measure === 'sessionShare') return { text: shareText(shareOf(column.topic, year, tabulated)), known };
    const counts = column.topic[column.measure];
    return { text: countText(year in counts ? counts[year] : null, known), known };
  };
  const rows = tabulated.years.map((year) => ({ year, known: tabulated.known[year], cells: columns.map((column) => cellFor(column, year)) }));

  const allTotal = knownSum(tabulated.allSessions, tabulated);
  const totalFor = (column) => {
    if (column.measure === 'allSessions') return allTotal;
    if (column.measure === 'sessionShare') {
      const sessions = knownSum(column.topic.sessionCount, tabulated);
      return sessions === null || !allTotal ? null : (sessions * 100) / allTotal;
    }
    return knownSum(column.topic[column.measure], tabulated);
  };
  const totals = columns.map((column) => {
    const value = totalFor(column);
    return { text: column.measure === 'sessionShare' ? shareText(value) : value === null ? 'unknown' : String(value) };
  });
  return { mode, columns, rows, totals };
}

/** The table as records of text, header first: exactly the cells the page shows, for the CSV download. */
export function tableRecords(table) {
  const header = ['Year', ...table.columns.map((column) => (column.topic ? column.topic.name + ': ' : '') + column.heading)];
  return [
    header,
    ...table.rows.map((row) => [String(row.year), ...row.cells.map((cell) => cell.text)]),
    [TOTALS_LABEL, ...table.totals.map((cell) => cell.text)],
  ];
}

/**
 * What the chart draws: per topic its sessions (counts) or share, and its
 * conferences when asked for in the counts view. A year not known is null in
 * every dataset, so Chart.js leaves a gap there instead of drawing a zero
 * nobody counted.
 */
export function chartData(tabulated, mode, withConferences) {
  const datasets = [];
  tabulated.topics.forEach((topic, topicIndex) => {
    const known = (year) => tabulated.known[year] && year in topic.sessionCount;
    if (mode === 'share') {
      datasets.push({
        topicSlug: topic.slug,
        topicName: topic.name,
        measure: 'sessionShare',
        label: topic.name + ' — share of sessions (%)',
        data: tabulated.years.map((year) => shareOf(topic, year, tabulated)),
        topicIndex,
      });
      return;
    }
    const measures = withConferences ? [['sessionCount', 'sessions'], ['conferenceCount', 'conferences']] : [['sessionCount', 'sessions']];
    for (const [measure, word] of measures) {
      datasets.push({
        topicSlug: topic.slug,
        topicName: topic.name,
        measure,
        label: topic.name + ' — ' + word,
        data: tabulated.years.map((year) => (known(year) ? topic[measure][year] : null)),
        topicIndex,
      });
    }
  });
  return { labels: tabulated.years.slice(), known: tabulated.years.map((year) => tabulated.known[year]), datasets };
}
