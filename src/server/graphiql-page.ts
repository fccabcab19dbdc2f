import { createHash } from 'node:crypto';

/** The page's only inline style; its Content-Security-Policy admits it by hash. */
const ideStyles = 'html, body, #graphiql { height: 100%; margin: 0; }';

/**
 * Scripts, styles and data only from this server. GraphiQL's stylesheet
 * brings its icons and fonts as data: URLs.
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
 * The browser IDE researchers open at the endpoint. Everything it loads is
 * served from installed packages under /ide/assets, because intranets often
 * have no internet.
 */
export function graphiqlPage(options: { endpoint: string; examples: Array<{ title: string; query: string; variables?: string }> }): string {
  const config = JSON.stringify({
    endpoint: options.endpoint,
    tabs: options.examples.map((example) => ({ query: `# ${example.title}\n${example.query}`, variables: example.variables })),
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lekgotla — GraphQL IDE</title>
  <link rel="stylesheet" href="/ide/assets/graphiql.min.css">
  <style>${ideStyles}</style>
</head>
<body>
  <div id="graphiql">Loading the IDE…</div>
  <script src="/ide/assets/react.production.min.js"></script>
  <script src="/ide/assets/react-dom.production.min.js"></script>
  <script src="/ide/assets/graphiql.min.js"></script>
  <script type="application/json" id="ide-config">${config}</script>
  <script src="/ide/ide.js"></script>
</body>
</html>`;
}

/** Starts GraphiQL with the example queries as tabs; kept out of the HTML so a strict CSP can apply. */
export const graphiqlScript = `
const config = JSON.parse(document.getElementById('ide-config').textContent);
const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  // GraphiQL opens the first tab from query and variables props: give it the first example's variables too.
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    variables: config.tabs[0] && config.tabs[0].variables,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  })
);
`;
