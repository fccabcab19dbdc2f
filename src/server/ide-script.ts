/**
 * The IDE's own script, sent as /ide/ide.js (kept out of the HTML so a strict
 * CSP applies). It starts GraphiQL with the query builder (the explorer
 * plugin) and the example queries, and keeps the address a shareable link:
 * the active tab's query, variables and headers live in the URL's fragment,
 * written on every edit and read at start. The fragment never reaches the
 * server, so a shared query is not in any access log.
 *
 * Headers that carry a credential (Authorization, cookies, anything named
 * like a key, token, secret or password) are left out of the link: links
 * travel in e-mails, tickets and chats, and a curator's key would let anyone
 * who sees it write. Whoever opens the link adds their own key.
 */
export const ideScript = `'use strict';
const config = JSON.parse(document.getElementById('ide-config').textContent);
const h = React.createElement;
const { ToolbarButton, useEditorContext } = GraphiQL.React;

const CREDENTIAL_HEADER = /auth|key|token|secret|password|cookie|session/i;

/** The headers a link may carry, as JSON text, and the names of those left out. */
function shareableHeaders(text) {
  if (!text || !text.trim()) return { text: '', left: [] };
  let headers;
  try {
    headers = JSON.parse(text);
  } catch {
    // Half-typed headers may hold half a key: none of them go into the link.
    return { text: '', left: ['headers that are not yet valid JSON'] };
  }
  if (!headers || typeof headers !== 'object' || Array.isArray(headers)) return { text: '', left: ['headers that are not a JSON object'] };
  const kept = {};
  const left = [];
  for (const [name, value] of Object.entries(headers)) {
    if (CREDENTIAL_HEADER.test(name)) left.push(name);
    else kept[name] = value;
  }
  return { text: Object.keys(kept).length > 0 ? JSON.stringify(kept, null, 2) : '', left };
}

/** This page's address carrying one tab's query, variables and shareable headers. */
function shareLink(tab) {
  const params = new URLSearchParams();
  params.set('query', tab.query || '');
  if (tab.variables && tab.variables.trim()) params.set('variables', tab.variables);
  const headers = shareableHeaders(tab.headers);
  if (headers.text) params.set('headers', headers.text);
  return { url: location.pathname + location.search + '#' + params.toString(), left: headers.left };
}

/** The tab a shared link opens with, or null when the address carries none. */
function sharedTab() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('query')) return null;
  return { query: params.get('query'), variables: params.get('variables') || undefined, headers: params.get('headers') || undefined };
}

function LinkIcon() {
  return h('svg', { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, 'aria-hidden': 'true' },
    h('path', { d: 'M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.6 6' }),
    h('path', { d: 'M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.6-1.6' }));
}

/** Copies the link to the active tab; its label says which headers the link left out. */
function CopyLinkButton() {
  const editors = useEditorContext({ nonNull: true });
  const [label, setLabel] = React.useState('Copy a link to this query, its variables and headers (keys are left out)');
  const copy = () => {
    const link = shareLink({
      query: editors.queryEditor && editors.queryEditor.getValue(),
      variables: editors.variableEditor && editors.variableEditor.getValue(),
      headers: editors.headerEditor && editors.headerEditor.getValue(),
    });
    history.replaceState(null, '', link.url);
    const absolute = new URL(link.url, location.href).href;
    const note = link.left.length > 0 ? ' without ' + link.left.join(', ') + ': whoever opens it adds their own' : '';
    // The clipboard needs a secure context (https or localhost); elsewhere the link is offered to copy by hand.
    const written = navigator.clipboard ? navigator.clipboard.writeText(absolute) : Promise.reject(new Error('no clipboard'));
    written.then(
      () => setLabel('Link copied' + note),
      () => { window.prompt('Copy this link' + note, absolute); setLabel('Link shown' + note); },
    );
  };
  return h(ToolbarButton, { label, onClick: copy, className: 'lekgotla-copy-link' }, h(LinkIcon));
}

// The explorer opens on a first visit; afterwards GraphiQL remembers whether the researcher closed it.
// (GraphiQL's visiblePlugin prop would reopen it on every render.)
if (localStorage.getItem('graphiql:visiblePlugin') === null) localStorage.setItem('graphiql:visiblePlugin', 'GraphiQL Explorer');

const shared = sharedTab();
const first = shared || config.tabs[0] || {};
// Made once: GraphiQL compares plugins by identity.
const plugins = [GraphiQLPluginExplorer.explorerPlugin()];
const toolbar = { additionalContent: h(CopyLinkButton) };

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  h(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    plugins,
    // A shared link opens its own tab; otherwise the examples do.
    defaultTabs: shared ? [shared] : config.tabs,
    // GraphiQL fills the editors of the first tab from these props, not from the tab.
    query: shared ? shared.query : undefined,
    variables: first.variables,
    headers: shared ? shared.headers : undefined,
    defaultQuery: config.defaultQuery,
    onTabChange: (state) => history.replaceState(null, '', shareLink(state.tabs[state.activeTabIndex]).url),
    toolbar,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  })
);
`;
