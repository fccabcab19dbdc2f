import { createHash } from 'node:crypto';
import { htmlAttribute } from '../server/html-attribute.js';

/** The page's only inline content; the Content-Security-Policy admits it by hash. */
export const insightsStyles = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1f24; background: #fff; }
  body { margin: 0; }
  header, main { padding: 0 1.5rem; }
  header { border-bottom: 1px solid #d0d7de; }
  h1 { font-size: 1.4rem; margin: 1rem 0 0.25rem; }
  header p { margin: 0 0 1rem; color: #57606a; }
  form { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin: 1rem 0; }
  fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 0; padding: 0.5rem 0.75rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  #insights-topics { columns: 3 14rem; max-height: 11rem; overflow: auto; padding: 0.25rem 0; }
  #insights-topics label { display: block; break-inside: avoid; padding: 0.1rem 0; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 0.5rem; }
  .field label { font-weight: 600; }
  input[type=number] { width: 6.5rem; }
  select, input, button { font: inherit; }
  button { padding: 0.35rem 1rem; }
  #insights-status { min-height: 1.5rem; margin: 0.5rem 0; }
  #insights-status.error { color: #b3261e; font-weight: 600; }
  #insights-output { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.5rem; align-items: start; }
  @media (max-width: 900px) { #insights-output { grid-template-columns: minmax(0, 1fr); } }
  #insights-chart-box { position: relative; height: 26rem; }
  #insights-table-box { overflow: auto; max-height: 30rem; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
  th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; }
  thead th { background: #f6f8fa; }
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
 * chart of sessions (and conferences) per year per topic and the same numbers
 * as a table out. The script fills it in from the GraphQL endpoint.
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
        <button type="button" id="insights-clear-topics">Clear topics</button>
      </fieldset>
      <fieldset>
        <legend>Conferences</legend>
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
      </fieldset>
      <fieldset>
        <legend>Chart</legend>
        <label><input type="checkbox" id="insights-show-conferences" name="conferences" checked> Also plot conference counts (dashed lines)</label>
        <p id="insights-form-hint" class="hint">Sessions count the sessions tagged with a topic; conferences count the editions where it appeared at all. Years whose editions are only referenced (no programme at hand) are unknown: gaps in the chart, not zeros.</p>
        <button type="submit" id="insights-submit">Show timeline</button>
      </fieldset>
    </form>
    <div id="insights-status" role="status" aria-live="polite">Loading…</div>
    <div id="insights-output" data-state="idle" aria-busy="false">
      <figure id="insights-chart-box">
        <canvas id="insights-chart" role="img" aria-label="Line chart of sessions and conferences per year for the chosen topics, with gaps for the years not documented; the table shows the same numbers."></canvas>
      </figure>
      <div id="insights-table-box">
        <table id="insights-table" aria-describedby="insights-status">
          <caption>Sessions and conferences per year</caption>
          <thead></thead>
          <tbody></tbody>
        </table>
      </div>
    </div>
  </main>
  <script src="${htmlAttribute(options.chartUrl)}"></script>
  <script src="${htmlAttribute(options.scriptUrl)}"></script>
</body>
</html>`;
}
