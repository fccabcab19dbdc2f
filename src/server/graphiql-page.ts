import { createHash } from 'node:crypto';
import { FAVICON_PATH } from './favicon.js';

/** The page's only inline style; its Content-Security-Policy admits it by hash. */
const ideStyles = 'html, body, #graphiql { height: 100%; margin: 0; }';

/**
 * Scripts, styles and data only from this server. GraphiQL's stylesheet
 * brings its icons and fonts as data: URLs. No inline script and no style
 * attribute is admitted; React and the explorer set styles through the DOM,
 * which the policy allows.
 */
export const ideContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${createHash('sha256').update(ideStyles, 'utf8').digest('base64')}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What a new tab opens with: nothing, so the explorer offers a fresh query.
 * (GraphiQL's own welcome text is only comments, which the explorer cannot
 * parse: it would keep showing the previous tab's query and edit that.)
 */
const NEW_TAB_QUERY = '\n';

/**
 * The browser IDE researchers open at the endpoint. Everything it loads is
 * served from installed packages under /ide/assets, because intranets often
 * have no internet.
 */
export function graphiqlPage(options: { endpoint: string; examples: Array<{ title: string; query: string; variables?: string }> }): string {
  const config = JSON.stringify({
    endpoint: options.endpoint,
    tabs: options.examples.map((example) => ({ query: `# ${example.title}\n${example.query}`, variables: example.variables })),
    defaultQuery: NEW_TAB_QUERY,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lekgotla — GraphQL IDE</title>
  <link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
  <link rel="stylesheet" href="/ide/assets/graphiql.min.css">
  <link rel="stylesheet" href="/ide/assets/explorer.css">
  <style>${ideStyles}</style>
</head>
<body>
  <div id="graphiql">Loading the IDE…</div>
  <script src="/ide/assets/react.production.min.js"></script>
  <script src="/ide/assets/react-dom.production.min.js"></script>
  <script src="/ide/assets/graphiql.min.js"></script>
  <script src="/ide/assets/explorer.umd.js"></script>
  <script type="application/json" id="ide-config">${config}</script>
  <script src="/ide/ide.js"></script>
</body>
</html>`;
}
