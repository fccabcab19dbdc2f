// The editors' import review page (GET /curate). Everything it does goes
// through the public GraphQL API, with the editor's key as
// "Authorization: Bearer <key>": extractedDraft drafts the page's text,
// importProgramme with dryRun reports what the import would change, and
// importProgramme applies it with the editor's decisions.
// Plain browser JavaScript, served as is: no build step, no framework.
//
// The key is kept in sessionStorage: it lasts as long as the tab, and is never
// written anywhere else. Each section says where the review stands in its
// data-state attribute (idle, loading, ready, error), which tests wait on.
(function () {
  'use strict';

  const ENDPOINT = document.body.getAttribute('data-endpoint') || '/graphql';
  const KEY_STORAGE = 'lekgotla.curate.key';

  const SIGN_IN_QUERY = 'query CurateSignIn { __typename }';

  const DRAFT_QUERY = `query CurateDraft($input: ExtractDraftInput!) {
  extractedDraft(input: $input) {
    sourceKey corpus
    facts { record label excerpt firstLine lastLine pending }
    unparsed { line text reason }
  }
}`;

  const IMPORT_MUTATION = `mutation CurateImport($input: ImportProgrammeInput!) {
  importProgramme(input: $input) {
    dryRun changed
    records { recordType created updated unchanged }
    identities { kind inputKey decision key score reasons candidates { key score } }
  }
}`;

  const byId = (id) => document.getElementById(id);
  const signInForm = byId('curate-sign-in');
  const keyInput = byId('curate-key');
  const sessionBox = byId('curate-session');
  const signedIn = byId('curate-signed-in');
  const signOut = byId('curate-sign-out');
  const statusBox = byId('curate-status');
  const pageSection = byId('curate-page-section');
  const pageForm = byId('curate-page-form');
  const fileInput = byId('curate-file');
  const sourceKeyInput = byId('curate-source-key');
  const seriesInput = byId('curate-series');
  const textInput = byId('curate-text');
  const draftSection = byId('curate-draft-section');
  const linesList = byId('curate-lines');
  const factsBody = byId('curate-facts').querySelector('tbody');
  const unparsedTable = byId('curate-unparsed');
  const corpusInput = byId('curate-corpus');
  const draftFileInput = byId('curate-draft-file');
  const locateButton = byId('curate-locate');
  const dryRunButton = byId('curate-dry-run');
  const reportSection = byId('curate-report-section');
  const reportBox = byId('curate-report');
  const applyButton = byId('curate-apply');
  const resultSection = byId('curate-result-section');
  const resultBox = byId('curate-result');

  /** What the review is about: the text exactly as uploaded or pasted, and the draft made of it. */
  const review = { uploadedText: null, draftedText: null, sourceKey: null };

  function setStatus(text, isError) {
    statusBox.textContent = text;
    statusBox.className = isError ? 'error' : '';
    statusBox.setAttribute('role', isError ? 'alert' : 'status');
  }

  function setState(section, state) {
    section.setAttribute('data-state', state);
    section.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cell(tag, text, className) {
    return element(tag, className, text === null || text === undefined ? '' : String(text));
  }

  function storedKey() {
    return window.sessionStorage.getItem(KEY_STORAGE);
  }

  /** An answer's errors as one message, each with its code, for the status line. */
  class ApiError extends Error {
    constructor(errors, status) {
      super(errors.map((error) => (error.extensions && error.extensions.code ? `${error.extensions.code}: ` : '') + error.message).join('; '));
      this.codes = errors.map((error) => error.extensions && error.extensions.code);
      this.status = status;
    }
  }

  /** POSTs JSON with the key, as Apollo's CSRF prevention expects of a browser. */
  async function graphql(query, variables, key) {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${key || storedKey()}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`The server answered ${response.status} ${response.statusText} without a GraphQL result.`);
    }
    if (body.errors && body.errors.length) throw new ApiError(body.errors, response.status);
    if (!response.ok || !body.data) throw new Error(`The server answered ${response.status} ${response.statusText}.`);
    return body.data;
  }

  /** A refused key ends the session: the editor signs in again rather than reading errors on every step. */
  function fail(section, error) {
    if (section) setState(section, 'error');
    if (error instanceof ApiError && error.codes.indexOf('UNAUTHENTICATED') !== -1) {
      window.sessionStorage.removeItem(KEY_STORAGE);
      showSession();
      setStatus(`${error.message}. Sign in again.`, true);
      return;
    }
    setStatus(error.message, true);
  }

  // ------------------------------------------------------------------ signing in

  function showSession() {
    const key = storedKey();
    signInForm.hidden = Boolean(key);
    sessionBox.hidden = !key;
    pageSection.hidden = !key;
    if (!key) {
      for (const section of [draftSection, reportSection, resultSection]) section.hidden = true;
      return;
    }
    // Keys start with a short prefix that `kb keys list` shows too; the rest stays hidden.
    signedIn.textContent = `Signed in with key ${key.slice(0, 10)}…`;
  }

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = keyInput.value.trim();
    if (!key) {
      setStatus('Paste your API key (npx kb keys create NAME --role EDITOR prints one).', true);
      return;
    }
    setStatus('Checking the key…');
    try {
      await graphql(SIGN_IN_QUERY, {}, key);
      window.sessionStorage.setItem(KEY_STORAGE, key);
      keyInput.value = '';
      showSession();
      setStatus("Signed in. Upload or paste a page's text, then draft it.");
    } catch (error) {
      setStatus(error.message, true);
    }
  });

  signOut.addEventListener('click', () => {
    window.sessionStorage.removeItem(KEY_STORAGE);
    showSession();
    setStatus('Signed out.');
  });

  // ------------------------------------------------------------------ the page's text

  /** "SMS 2008 event page.txt" → "sms-2008-event-page", the way `kb extract` names a source after its file. */
  function keyFromFileName(name) {
    return name
      .replace(/\.[^.]*$/, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    // Kept as read: a text area would turn Windows line ends into \n, and citations are checked character for character.
    review.uploadedText = await file.text();
    textInput.value = review.uploadedText;
    sourceKeyInput.value = keyFromFileName(file.name);
    setStatus(`Read ${file.name} (${review.uploadedText.length} characters).`);
  });

  textInput.addEventListener('input', () => {
    review.uploadedText = null;
  });

  /** Drafts the page's text, or, given a draft written before, locates that draft's facts in the text. */
  async function draft(corpus) {
    const text = review.uploadedText !== null ? review.uploadedText : textInput.value;
    const sourceKey = sourceKeyInput.value.trim();
    if (!text.trim() || !sourceKey) {
      setStatus("The page's text and a source key are needed.", true);
      return;
    }
    const input = { text, sourceKey };
    if (seriesInput.value.trim()) input.seriesSlug = seriesInput.value.trim();
    if (corpus !== undefined) input.corpus = corpus;
    draftSection.hidden = false;
    reportSection.hidden = true;
    resultSection.hidden = true;
    setState(draftSection, 'loading');
    setStatus('Drafting…');
    try {
      const { extractedDraft } = await graphql(DRAFT_QUERY, { input });
      review.draftedText = text;
      review.sourceKey = extractedDraft.sourceKey;
      renderDraft(text, extractedDraft);
      setState(draftSection, 'ready');
      const unread = extractedDraft.unparsed.length;
      setStatus(`Drafted ${extractedDraft.facts.length} facts; ${unread} ${unread === 1 ? 'line' : 'lines'} not understood. Review them, then check what the import would change.`);
    } catch (error) {
      fail(draftSection, error);
    }
  }

  pageForm.addEventListener('submit', (event) => {
    event.preventDefault();
    draft();
  });

  draftFileInput.addEventListener('change', async () => {
    const file = draftFileInput.files && draftFileInput.files[0];
    if (!file) return;
    corpusInput.value = await file.text();
    draft(corpusInput.value);
  });

  locateButton.addEventListener('click', () => draft(corpusInput.value));

  // ------------------------------------------------------------------ the draft

  function renderDraft(text, draft) {
    linesList.textContent = '';
    text.split('\n').forEach((line, index) => {
      const item = element('li');
      item.setAttribute('data-line', String(index + 1));
      item.appendChild(element('span', 'number', String(index + 1)));
      item.appendChild(element('span', 'text', line.replace(/\r$/, '') || ' '));
      linesList.appendChild(item);
    });
    const lineItem = (number) => linesList.querySelector(`li[data-line="${number}"]`);
    for (const fact of draft.facts) {
      if (fact.firstLine === null) continue;
      for (let number = fact.firstLine; number <= fact.lastLine; number++) lineItem(number).classList.add('cited');
    }
    for (const entry of draft.unparsed) lineItem(entry.line).classList.add('unparsed');

    factsBody.textContent = '';
    draft.facts.forEach((fact, index) => {
      const row = element('tr', fact.pending ? 'pending' : '');
      row.setAttribute('data-fact', String(index));
      row.tabIndex = 0;
      row.title = fact.excerpt;
      row.appendChild(cell('td', fact.record));
      row.appendChild(cell('td', fact.label));
      const where = fact.firstLine === null ? 'not in the page' : fact.firstLine === fact.lastLine ? fact.firstLine : `${fact.firstLine}–${fact.lastLine}`;
      row.appendChild(cell('td', where));
      const focus = () => focusFact(row, fact);
      row.addEventListener('click', focus);
      row.addEventListener('focus', focus);
      factsBody.appendChild(row);
    });

    const unparsedBody = unparsedTable.querySelector('tbody');
    unparsedBody.textContent = '';
    unparsedTable.hidden = draft.unparsed.length === 0;
    for (const entry of draft.unparsed) {
      const row = element('tr');
      row.appendChild(cell('td', entry.line));
      row.appendChild(cell('td', entry.text));
      row.appendChild(cell('td', entry.reason));
      unparsedBody.appendChild(row);
    }
    corpusInput.value = draft.corpus;
  }

  /** Marks a fact's lines on the page and brings the first into view. */
  function focusFact(row, fact) {
    for (const marked of document.querySelectorAll('#curate-lines li.focus, #curate-facts tr.focus')) marked.classList.remove('focus');
    row.classList.add('focus');
    if (fact.firstLine === null) return;
    for (let number = fact.firstLine; number <= fact.lastLine; number++) {
      linesList.querySelector(`li[data-line="${number}"]`).classList.add('focus');
    }
    linesList.querySelector(`li[data-line="${fact.firstLine}"]`).scrollIntoView({ block: 'nearest' });
  }

  // ------------------------------------------------------------------ what the import would change

  function importInput(dryRun) {
    return { corpus: corpusInput.value, sources: [{ key: review.sourceKey, text: review.draftedText }], dryRun };
  }

  dryRunButton.addEventListener('click', async () => {
    reportSection.hidden = false;
    resultSection.hidden = true;
    setState(reportSection, 'loading');
    setStatus('Checking what the import would change (a dry run: nothing is written)…');
    try {
      const { importProgramme } = await graphql(IMPORT_MUTATION, { input: importInput(true) });
      renderReport(reportBox, importProgramme);
      applyButton.disabled = !importProgramme.changed;
      setState(reportSection, 'ready');
      setStatus(importProgramme.changed ? 'Review what would change, then apply the import.' : 'The knowledge base already holds everything the draft says: nothing to apply.');
    } catch (error) {
      fail(reportSection, error);
    }
  });

  function table(id, caption, headings, rows) {
    const node = element('table');
    node.id = id;
    node.appendChild(element('caption', '', caption));
    const head = element('thead');
    const headRow = element('tr');
    for (const heading of headings) {
      const th = cell('th', heading);
      th.scope = 'col';
      headRow.appendChild(th);
    }
    head.appendChild(headRow);
    node.appendChild(head);
    const body = element('tbody');
    for (const row of rows) body.appendChild(row);
    node.appendChild(body);
    return node;
  }

  function renderReport(box, report) {
    box.textContent = '';
    const tallies = report.records.map((tally) => {
      const row = element('tr');
      row.setAttribute('data-record-type', tally.recordType);
      row.appendChild(cell('th', tally.recordType));
      row.appendChild(cell('td', tally.created, 'count'));
      row.appendChild(cell('td', tally.updated, 'count'));
      row.appendChild(cell('td', tally.unchanged, 'count'));
      return row;
    });
    box.appendChild(table('curate-records', 'Records', ['Record', 'Created', 'Updated', 'Unchanged'], tallies));
    const identities = report.identities.map((identity) => {
      const row = element('tr');
      row.setAttribute('data-input-key', identity.inputKey);
      row.appendChild(cell('td', identity.kind));
      row.appendChild(cell('td', identity.inputKey));
      row.appendChild(cell('td', identity.decision));
      const candidates = identity.candidates.map((candidate) => `${candidate.key} (${candidate.score.toFixed(2)})`).join(', ');
      row.appendChild(cell('td', identity.decision === 'POSSIBLE' ? `new; might be ${candidates}` : identity.key));
      row.appendChild(cell('td', identity.reasons.join('; ')));
      return row;
    });
    box.appendChild(table('curate-identities', 'People and organisations: how each was matched', ['Kind', 'In the draft', 'Match', 'Known as', 'Why'], identities));
  }

  // ------------------------------------------------------------------ applying

  applyButton.addEventListener('click', async () => {
    applyButton.disabled = true;
    resultSection.hidden = false;
    setState(resultSection, 'loading');
    setStatus('Applying the import…');
    try {
      const { importProgramme } = await graphql(IMPORT_MUTATION, { input: importInput(false) });
      resultBox.textContent = '';
      resultBox.appendChild(element('p', '', importProgramme.changed ? 'Imported, in one transaction.' : 'Nothing to change.'));
      setState(resultSection, 'ready');
      setStatus(importProgramme.changed ? 'Imported.' : 'Nothing to change.');
    } catch (error) {
      applyButton.disabled = false;
      fail(resultSection, error);
    }
  });

  showSession();
  if (storedKey()) setStatus("Signed in. Upload or paste a page's text, then draft it.");
})();
