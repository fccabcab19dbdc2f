// The analysts' insights page (GET /insights): topics over the years from the
// GraphQL endpoint's topicTimeline, drawn with Chart.js and tabulated, as
// counts or as shares of each year's sessions, with downloads of both and the
// view kept in the address. Plain browser modules, served as they are.
//
// After every render, window.lekgotlaInsights holds what is shown:
//   { variables, mode, withConferences, labels: [year, …], known: [true|false, …],
//     datasets: [{ topicSlug, topicName, measure, label, data: [value or null, …] }],
//     styles: [{ colour, borderDash, pointStyle }], table: [[header…], [row…], …, [totals…]] }
// with measure 'sessionCount', 'conferenceCount' or 'sessionShare'. A year
// whose counts are not known (its editions only referenced, or none recorded)
// is null in every dataset: a gap in the chart, "unknown" in the table.
import { addressOf, parseAddress } from './address.js';
import { loadOptions, loadTimeline } from './api.js';
import { chartPng, clearChart, drawChart, renderLegend } from './chart-view.js';
import { csvDocument, fileName, rawDataUrl, saveBlob } from './downloads.js';
import { chartData, tableRecords, tabulate, viewTable } from './model.js';
import { drawTable } from './table-view.js';

const $ = (id) => document.getElementById(id);
const form = $('insights-form');
const topicsBox = $('insights-topics');
const seriesSelect = $('insights-series');
const fromInput = $('insights-from');
const toInput = $('insights-to');
const showConferences = $('insights-show-conferences');
const statusBox = $('insights-status');
const noticeBox = $('insights-notice');
const output = $('insights-output');
const legend = $('insights-legend');
const tableElement = $('insights-table');
const downloadPng = $('insights-download-png');
const downloadCsv = $('insights-download-csv');
const rawData = $('insights-raw-data');

let latestRequest = 0;
let lastResult = null; // { variables, rows, sessionsByYear } of the newest answer drawn
let shown = null; // { variables, mode, table } of what is on screen

function setStatus(text, isError) {
  statusBox.textContent = text;
  statusBox.className = isError ? 'error' : '';
  statusBox.setAttribute('role', isError ? 'alert' : 'status');
}

function setState(state) {
  output.setAttribute('data-state', state);
  output.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  const ready = state === 'ready';
  downloadPng.disabled = downloadCsv.disabled = !ready;
}

const topicBoxes = () => [...topicsBox.querySelectorAll('input[name="topic"]')];
const viewMode = () => form.elements.namedItem('view').value;

function renderOptions(options) {
  topicsBox.textContent = '';
  for (const topic of options.topics) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'topic';
    box.value = topic.slug;
    box.id = 'insights-topic-' + topic.slug;
    label.htmlFor = box.id;
    label.append(box, ' ' + topic.name);
    topicsBox.appendChild(label);
  }
  for (const series of options.series) {
    const option = document.createElement('option');
    option.value = series.slug;
    option.textContent = series.name;
    seriesSelect.appendChild(option);
  }
}

/** Sets the form to a view parsed from the address. */
function applyState(state) {
  for (const box of topicBoxes()) box.checked = state.topicSlugs.includes(box.value);
  seriesSelect.value = state.seriesSlug ?? '';
  fromInput.value = state.fromYear ?? '';
  toInput.value = state.toYear ?? '';
  form.elements.namedItem('view').value = state.mode;
  showConferences.checked = state.withConferences;
}

function readYear(input, name) {
  const text = input.value.trim();
  if (text === '') return null;
  if (!/^\d{4}$/.test(text)) throw new Error(name + ' must be a four-digit year.');
  return Number(text);
}

/** The form as topicTimeline's variables; throws a message for a person when it is not a valid question. */
function readVariables() {
  const fromYear = readYear(fromInput, 'From year');
  const toYear = readYear(toInput, 'To year');
  if (fromYear !== null && toYear !== null && fromYear > toYear) throw new Error('From year ' + fromYear + ' is after to year ' + toYear + '.');
  return {
    topicSlugs: topicBoxes().filter((box) => box.checked).map((box) => box.value),
    seriesSlug: seriesSelect.value || null,
    fromYear,
    toYear,
  };
}

function writeAddress(variables) {
  const state = { ...variables, mode: viewMode(), withConferences: showConferences.checked };
  window.history.replaceState(null, '', addressOf(window.location.pathname, state));
}

function seriesName(variables) {
  return variables.seriesSlug ? seriesSelect.options[seriesSelect.selectedIndex].textContent : 'all series';
}

function describe(variables, tabulated) {
  const years = tabulated.years;
  const span = years.length ? years[0] + '–' + years[years.length - 1] : 'no years';
  const topics = variables.topicSlugs.length;
  const unknown = years.filter((year) => !tabulated.known[year]);
  return 'Showing ' + topics + (topics === 1 ? ' topic' : ' topics') + ' in ' + seriesName(variables) + ', ' + span + '.' +
    (unknown.length ? ' Not documented, so unknown and left as gaps: ' + unknown.join(', ') + '.' : '');
}

function render() {
  const { variables, rows, sessionsByYear } = lastResult;
  const mode = viewMode();
  const withConferences = showConferences.checked;
  const tabulated = tabulate(rows, sessionsByYear);
  const data = chartData(tabulated, mode, withConferences);
  const drawn = drawChart($('insights-chart'), data, mode);
  renderLegend(legend, drawn);
  const table = viewTable(tabulated, mode);
  drawTable(tableElement, table);
  rawData.href = rawDataUrl(variables);
  shown = { variables, mode, table };
  window.lekgotlaInsights = {
    variables,
    mode,
    withConferences,
    labels: data.labels,
    known: data.known,
    datasets: data.datasets.map(({ topicSlug, topicName, measure, label, data }) => ({ topicSlug, topicName, measure, label, data })),
    styles: drawn.map((dataset) => ({ colour: dataset.borderColor, borderDash: dataset.borderDash, pointStyle: dataset.pointStyle })),
    table: tableRecords(table),
  };
  return tabulated;
}

function renderEmpty(variables) {
  lastResult = shown = null;
  clearChart();
  legend.textContent = '';
  drawTable(tableElement, { columns: [], rows: [], totals: [] });
  window.lekgotlaInsights = { variables, mode: viewMode(), withConferences: showConferences.checked, labels: [], known: [], datasets: [], styles: [], table: [] };
}

function drawOrReport(variables) {
  try {
    const tabulated = render();
    setState('ready');
    setStatus(describe(variables, tabulated), false);
  } catch (error) {
    setState('error');
    setStatus('Could not draw the timeline: ' + error.message, true);
  }
}

function update() {
  showConferences.disabled = viewMode() === 'share';
  let variables;
  try {
    variables = readVariables();
  } catch (error) {
    latestRequest++;
    setState('invalid');
    setStatus(error.message, true);
    return;
  }
  writeAddress(variables);
  const request = ++latestRequest;
  if (variables.topicSlugs.length === 0) {
    renderEmpty(variables);
    setState('empty');
    setStatus('Choose one or more topics to draw their timeline.', false);
    return;
  }
  setState('loading');
  setStatus('Loading…', false);
  loadTimeline(variables).then(
    (answer) => {
      if (request !== latestRequest) return; // a newer question is on its way
      lastResult = { variables, ...answer };
      drawOrReport(variables);
    },
    (error) => {
      if (request !== latestRequest) return;
      setState('error');
      setStatus('Could not load the timeline: ' + error.message, true);
    },
  );
}

/** The view switch and the conference toggle need no new answer: the last one is drawn again. */
function redraw() {
  showConferences.disabled = viewMode() === 'share';
  if (!lastResult || output.getAttribute('data-state') !== 'ready') return update();
  writeAddress(lastResult.variables);
  drawOrReport(lastResult.variables);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
});
form.addEventListener('change', (event) => {
  if (event.target === showConferences || event.target.name === 'view') redraw();
  else update();
});
$('insights-all-topics').addEventListener('click', () => {
  for (const box of topicBoxes()) box.checked = true;
  update();
});
$('insights-clear-topics').addEventListener('click', () => {
  for (const box of topicBoxes()) box.checked = false;
  update();
});
downloadCsv.addEventListener('click', () => {
  if (!shown) return;
  const blob = new Blob([csvDocument(tableRecords(shown.table))], { type: 'text/csv;charset=utf-8' });
  saveBlob(blob, fileName(shown.variables, shown.mode, 'csv'));
});
downloadPng.addEventListener('click', () => {
  if (!shown) return;
  const what = shown.mode === 'share' ? 'Share of each year’s sessions (%)' : showConferences.checked ? 'Sessions and conferences per year' : 'Sessions per year';
  const span = [shown.variables.fromYear ?? 'earliest', shown.variables.toYear ?? 'latest'].join('–');
  chartPng(what + ' — ' + seriesName(shown.variables) + ', ' + span).then(
    (blob) => saveBlob(blob, fileName(shown.variables, shown.mode, 'png')),
    (error) => setStatus(error.message, true),
  );
});

setState('loading');
loadOptions().then(
  (options) => {
    renderOptions(options);
    const { state, ignored } = parseAddress(window.location.search, {
      topics: options.topics.map((topic) => topic.slug),
      series: options.series.map((series) => series.slug),
    });
    applyState(state);
    noticeBox.textContent = ignored.length ? 'The address asked for settings this page does not know; left out: ' + ignored.join('; ') + '.' : '';
    update();
  },
  (error) => {
    setState('error');
    topicsBox.textContent = '';
    setStatus('Could not load the topics and series: ' + error.message, true);
  },
);
