import { createHash } from 'node:crypto';
import { htmlAttribute } from '../server/html-attribute.js';

/** The page's only inline content; the Content-Security-Policy admits it by hash. */
export const curateStyles = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1f24; background: #fff; }
  body { margin: 0; }
  header, main { padding: 0 1.5rem; }
  header { border-bottom: 1px solid #d0d7de; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 2rem; }
  h1 { font-size: 1.4rem; margin: 1rem 0 0.25rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
  header p { margin: 0 0 1rem; color: #57606a; }
  section[hidden] { display: none; }
  fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 0.75rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 0.6rem; }
  .field label { font-weight: 600; }
  .row { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-end; }
  select, input, button, textarea { font: inherit; }
  textarea { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 0.85rem; }
  button { padding: 0.35rem 1rem; }
  .hint { color: #57606a; font-size: 0.9rem; }
  #curate-status { min-height: 1.5rem; margin: 0.75rem 0; }
  #curate-status.error { color: #b3261e; font-weight: 600; }
  #curate-signed-in { color: #1a7f37; font-weight: 600; }
  .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
  @media (max-width: 1000px) { .columns { grid-template-columns: minmax(0, 1fr); } }
  #curate-lines { list-style: none; margin: 0; padding: 0; font-family: ui-monospace, monospace; font-size: 0.82rem; border: 1px solid #d0d7de; border-radius: 6px; max-height: 34rem; overflow: auto; }
  #curate-lines li { display: grid; grid-template-columns: 3rem minmax(0, 1fr); white-space: pre-wrap; border-left: 4px solid transparent; }
  #curate-lines li .number { color: #8c959f; text-align: right; padding-right: 0.6rem; user-select: none; }
  #curate-lines li.cited { background: #dafbe1; border-left-color: #1a7f37; }
  #curate-lines li.unparsed { background: #fff1e5; border-left-color: #bc4c00; }
  #curate-lines li.focus { background: #fff8c5; border-left-color: #9a6700; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
  th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  thead th { background: #f6f8fa; }
  td.count { text-align: right; font-variant-numeric: tabular-nums; }
  #curate-facts-box { max-height: 34rem; overflow: auto; }
  #curate-facts tbody tr { cursor: pointer; }
  #curate-facts tbody tr:hover, #curate-facts tbody tr.focus { background: #fff8c5; }
  #curate-facts tr.pending td:first-child::after { content: ' (by hand)'; color: #bc4c00; }
  .value { font-family: ui-monospace, monospace; font-size: 0.82rem; white-space: pre-wrap; word-break: break-word; }
  .value.none { color: #8c959f; }
  .value.before { background: #ffebe9; text-decoration: line-through; }
  .value.after { background: #dafbe1; }
  .value.claimed { background: #fff8c5; }
  tr.rejected .value.after, tr.kept .value.claimed { text-decoration: line-through; background: #f6f8fa; }
  tr.accepted .value.known { background: #ffebe9; text-decoration: line-through; }
  tr.accepted .value.claimed { background: #dafbe1; }
  .decision label { display: block; white-space: nowrap; }
  .actions { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
  #curate-result a { font-weight: 600; }
`;

const styleHash = createHash('sha256').update(curateStyles, 'utf8').digest('base64');

/** Scripts and data only from this server: no inline script, no CDN. */
export const curateContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${styleHash}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The editors' import review page: sign in with a key, give a page's text,
 * review the draft beside the page's lines and what the import would change,
 * decide each change and conflict, and apply. The script does everything
 * through the GraphQL endpoint.
 */
export function curatePage(options: { endpoint: string; scriptUrl: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Lekgotla — Import review</title>
  <style>${curateStyles}</style>
</head>
<body data-endpoint="${htmlAttribute(options.endpoint)}">
  <header>
    <div>
      <h1>Import review</h1>
      <p>From a page's text to published facts: review the draft and every change before it is applied.</p>
    </div>
    <form id="curate-sign-in" novalidate>
      <div class="row">
        <div class="field">
          <label for="curate-key">API key</label>
          <input type="password" id="curate-key" name="key" autocomplete="off" size="28" placeholder="lk_…">
        </div>
        <button type="submit" id="curate-sign-in-button">Sign in</button>
      </div>
    </form>
    <p id="curate-session" hidden><span id="curate-signed-in"></span> <button type="button" id="curate-sign-out">Sign out</button></p>
  </header>
  <main>
    <div id="curate-status" role="status" aria-live="polite">Sign in with an EDITOR key to review an import.</div>

    <section id="curate-page-section" aria-labelledby="curate-page-heading" hidden>
      <h2 id="curate-page-heading">1. The page</h2>
      <form id="curate-page-form" novalidate>
        <div class="row">
          <div class="field">
            <label for="curate-file">Upload the page's text</label>
            <input type="file" id="curate-file" accept=".txt,text/plain">
          </div>
          <div class="field">
            <label for="curate-source-key">Source key</label>
            <input type="text" id="curate-source-key" name="sourceKey" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="sms-2008-event-page" size="30">
          </div>
          <div class="field">
            <label for="curate-series">Series (optional)</label>
            <input type="text" id="curate-series" name="seriesSlug" placeholder="sms" size="12">
          </div>
        </div>
        <div class="field">
          <label for="curate-text">… or paste it, exactly as published</label>
          <textarea id="curate-text" name="text" rows="10" spellcheck="false"></textarea>
        </div>
        <button type="submit" id="curate-extract">Draft it</button>
      </form>
    </section>

    <section id="curate-draft-section" aria-labelledby="curate-draft-heading" hidden>
      <h2 id="curate-draft-heading">2. The draft</h2>
      <p class="hint">Each fact beside the line it was read from: cited lines are green, lines not understood orange. Choose a fact to find its line.</p>
      <div class="columns">
        <div>
          <h3>The page</h3>
          <ol id="curate-lines" aria-label="The page's lines"></ol>
        </div>
        <div id="curate-facts-box">
          <table id="curate-facts">
            <caption>Facts in the draft</caption>
            <thead><tr><th scope="col">Record</th><th scope="col">Fact</th><th scope="col">Line</th></tr></thead>
            <tbody></tbody>
          </table>
          <table id="curate-unparsed">
            <caption>Lines not understood</caption>
            <thead><tr><th scope="col">Line</th><th scope="col">Text</th><th scope="col">Why</th></tr></thead>
            <tbody></tbody>
          </table>
        </div>
      </div>
      <details id="curate-corpus-details">
        <summary>The draft in the corpus format (YAML): correct a spelling here before the dry run; excerpts stay verbatim</summary>
        <textarea id="curate-corpus" rows="18" spellcheck="false" aria-label="The draft in the corpus format"></textarea>
        <div class="row">
          <div class="field">
            <label for="curate-draft-file">… or load a draft written before (kb extract --out)</label>
            <input type="file" id="curate-draft-file" accept=".yaml,.yml,application/yaml,text/yaml">
          </div>
          <button type="button" id="curate-locate">Show this draft's facts</button>
        </div>
      </details>
      <div class="actions">
        <button type="button" id="curate-dry-run">Check what the import would change</button>
      </div>
    </section>

    <section id="curate-report-section" aria-labelledby="curate-report-heading" hidden>
      <h2 id="curate-report-heading">3. What the import would change</h2>
      <div id="curate-report"></div>
      <div class="actions">
        <button type="button" id="curate-apply">Apply the import</button>
        <span class="hint">All of it in one transaction, with your decisions; nothing is written until then.</span>
      </div>
    </section>

    <section id="curate-result-section" aria-labelledby="curate-result-heading" hidden>
      <h2 id="curate-result-heading">4. Applied</h2>
      <div id="curate-result"></div>
    </section>

    <section id="curate-history-section" aria-labelledby="curate-history-heading" hidden>
      <h2 id="curate-history-heading">An import in the history</h2>
      <div id="curate-history"></div>
    </section>
  </main>
  <script src="${htmlAttribute(options.scriptUrl)}"></script>
</body>
</html>`;
}
