import { createHash } from 'node:crypto';
import { htmlAttribute } from '../server/html-attribute.js';

/** The page's only inline content; the Content-Security-Policy admits it by hash. */
export const insightsStyles = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1f24; background: #fff; }
  body { margin: 0; }
  header, main { padding: 0 1.5rem; }
  @media (max-width: 600px) { header, main { padding: 0 0.75rem; } }
  header { border-bottom: 1px solid #d0d7de; }
  h1 { font-size: 1.4rem; margin: 1rem 0 0.25rem; }
  header p { margin: 0 0 1rem; color: #57606a; }
  form { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin: 1rem 0; }
  fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 0; padding: 0.5rem 0.75rem; min-width: 0; max-width: 100%; box-sizing: border-box; }
  #insights-topics-fieldset { flex: 1 1 100%; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  #insights-topics { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr)); gap: 0.1rem 1rem; padding: 0.25rem 0 0.5rem; }
  #insights-topics label { display: flex; gap: 0.4rem; align-items: baseline; padding: 0.15rem 0; overflow-wrap: anywhere; }
  #insights-view { flex: 1 1 24rem; }
  .fields { display: flex; flex-wrap: wrap; gap: 0 1rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 0.5rem; }
  .field label { font-weight: 600; }
  .choice { display: block; padding: 0.15rem 0; }
  input[type=number] { width: 6.5rem; }
  select { max-width: 100%; }
  select, input, button { font: inherit; }
  button { padding: 0.35rem 1rem; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  #insights-status { min-height: 1.5rem; margin: 0.5rem 0; }
  #insights-status.error { color: #b3261e; font-weight: 600; }
  #insights-notice:empty { display: none; }
  #insights-notice { margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid #9a6700; background: #fff8c5; }
  #insights-output { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  figure { margin: 0; min-width: 0; }
  #insights-chart-box { position: relative; height: 26rem; }
  @media (max-width: 600px) { #insights-chart-box { height: 20rem; } }
  #insights-legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
  #insights-legend li { display: flex; align-items: center; gap: 0.4rem; min-width: 0; overflow-wrap: anywhere; }
  #insights-legend canvas.sample { width: 36px; height: 16px; flex: none; }
  #insights-table-box { overflow: auto; max-height: 32rem; max-width: 100%; border: 1px solid #d0d7de; }
  table { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; }
  h2 { font-size: 1rem; margin: 0.5rem 0 -0.5rem; }
  th, td { border: 1px solid #d0d7de; border-width: 0 1px 1px 0; padding: 0.25rem 0.5rem; background: #fff; }
  thead { position: sticky; top: 0; z-index: 2; }
  thead th { background: #f6f8fa; }
  tbody th[scope=row], tfoot th[scope=row], thead th:first-child { position: sticky; left: 0; z-index: 1; background: #f6f8fa; text-align: left; }
  tfoot td, tfoot th { font-weight: 600; border-top: 2px solid #57606a; }
  td.count { text-align: right; }
  td.count.zero { color: #8c959f; }
  td.count.unknown { color: #57606a; font-style: italic; }
  .hint { color: #57606a; font-size: 0.9rem; }
`;

const styleHash = createHash('sha256').update(insightsStyles, 'utf8').digest('base64');

/** Scripts and data only from this server: no inline script, no CDN. */
export const insightsContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${styleHash}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The analysts' insights page: topics, a series and a year range in; a line
 * chart of sessions (and conferences) per year per topic, or of each topic's
 * share of the year's sessions, and the same numbers as a table out, with
 * both as downloads. The script (a module that imports its siblings) fills
 * it in from the GraphQL endpoint and keeps the view in the address. The
 * table's title sits above its scrolling box, not in a caption inside it,
 * which would scroll (and be cut) with a wide table.
 */
export function insightsPage(options: { endpoint: string; scriptUrl: string; chartUrl: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Lekgotla — Topic insights</title>
  <style>${insightsStyles}</style>
</head>
<body data-endpoint="${htmlAttribute(options.endpoint)}">
  <header>
    <h1>Topic insights</h1>
    <p>How often topics came up at South African public-service conferences, year by year.</p>
  </header>
  <main>
    <form id="insights-form" aria-describedby="insights-form-hint" novalidate>
      <fieldset id="insights-topics-fieldset">
        <legend>Topics</legend>
        <div id="insights-topics" role="group" aria-label="Topics to compare">
          <span class="hint">Loading topics…</span>
        </div>
        <div class="buttons">
          <button type="button" id="insights-all-topics">All topics</button>
          <button type="button" id="insights-clear-topics">Clear topics</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Conferences</legend>
        <div class="fields">
          <div class="field">
            <label for="insights-series">Series</label>
            <select id="insights-series" name="series">
              <option value="">All series</option>
            </select>
          </div>
          <div class="field">
            <label for="insights-from">From year</label>
            <input type="number" id="insights-from" name="from" min="1900" max="2100" step="1" inputmode="numeric" placeholder="earliest">
          </div>
          <div class="field">
            <label for="insights-to">To year</label>
            <input type="number" id="insights-to" name="to" min="1900" max="2100" step="1" inputmode="numeric" placeholder="latest">
          </div>
        </div>
      </fieldset>
      <fieldset id="insights-view">
        <legend>View</legend>
        <label class="choice"><input type="radio" name="view" value="counts" checked> Counts</label>
        <label class="choice"><input type="radio" name="view" value="share"> Share of the year’s sessions (%)</label>
        <label class="choice"><input type="checkbox" id="insights-show-conferences" name="conferences" checked> Also plot conference counts (counts view)</label>
        <p id="insights-form-hint" class="hint">Sessions count the sessions tagged with a topic; conferences count the editions where it appeared at all; a share is a topic’s sessions out of all the year’s sessions. Years whose editions are only referenced (no programme at hand) are unknown: gaps in the chart, not zeros. Totals add up the documented years.</p>
        <button type="submit" id="insights-submit">Show timeline</button>
      </fieldset>
    </form>
    <div id="insights-notice" role="status"></div>
    <div id="insights-status" role="status" aria-live="polite">Loading…</div>
    <div id="insights-output" data-state="idle" aria-busy="false">
      <div class="buttons">
        <button type="button" id="insights-download-png" disabled>Download chart (PNG)</button>
        <button type="button" id="insights-download-csv" disabled>Download table (CSV)</button>
        <a id="insights-raw-data" href="/export/topic-timeline.csv">Raw data (CSV, a row per topic and year)</a>
      </div>
      <figure id="insights-chart-box">
        <canvas id="insights-chart" role="img" aria-label="Line chart of the chosen topics per year, with gaps for the years not documented; the legend beneath names each line and the table shows the same numbers."></canvas>
      </figure>
      <ul id="insights-legend" aria-label="Legend"></ul>
      <h2 id="insights-table-title">Per year, with totals over the documented years</h2>
      <div id="insights-table-box" tabindex="0" role="region" aria-labelledby="insights-table-title">
        <table id="insights-table" aria-labelledby="insights-table-title" aria-describedby="insights-status">
          <thead></thead>
          <tbody></tbody>
          <tfoot></tfoot>
        </table>
      </div>
    </div>
  </main>
  <script src="${htmlAttribute(options.chartUrl)}"></script>
  <script type="module" src="${htmlAttribute(options.scriptUrl)}"></script>
</body>
</html>`;
}
