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
    importId dryRun changed
    records { recordType created updated unchanged }
    identities { kind inputKey decision key score reasons candidates { key score } }
    changes { key recordType recordKey field before after applied rejectable excerpt }
    conflicts { key recordType recordKey field known claimed status excerpt }
  }
}`;

  const HISTORY_QUERY = `query CurateHistory($importId: String!, $after: String) {
  changes(importId: $importId, first: 100, after: $after) {
    totalCount
    nodes { action actor at recordType recordId changedFields }
    pageInfo { hasNextPage endCursor }
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
  const historySection = byId('curate-history-section');
  const historyBox = byId('curate-history');

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
        ...(key || storedKey() ? { authorization: `Bearer ${key || storedKey()}` } : {}),
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
      applyButton.disabled = !importProgramme.changed && importProgramme.conflicts.length === 0;
      setState(reportSection, 'ready');
      const { changes, conflicts } = importProgramme;
      setStatus(
        importProgramme.changed || conflicts.length > 0
          ? `The import would make ${changes.length} ${changes.length === 1 ? 'change' : 'changes'} and finds ${conflicts.length} ${conflicts.length === 1 ? 'conflict' : 'conflicts'}. Decide each, then apply the import.`
          : 'The knowledge base already holds everything the draft says: nothing to apply.',
      );
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

  /** A reported value as an editor reads it: text as it is, lists and other values as JSON, nothing as a dash. */
  function shown(value) {
    if (value === null || value === undefined) return '—';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** Long values (a source's whole text) are cut in the table; the cell's title holds all of it. */
  const LONGEST_SHOWN = 160;

  function valueCell(value, className) {
    const text = shown(value);
    const td = element('td');
    // Nothing before a field is filled is shown as a plain dash, not as a value struck out.
    const kind = value === null || value === undefined ? 'none' : className;
    const span = element('span', `value ${kind}`, text.length > LONGEST_SHOWN ? `${text.slice(0, LONGEST_SHOWN)}… (${text.length} characters)` : text);
    if (text.length > LONGEST_SHOWN) span.title = text;
    td.appendChild(span);
    return td;
  }

  /** The line of the page an excerpt was read from, as "line 7: <excerpt>". */
  function provenance(excerpt) {
    if (!excerpt) return '';
    const at = review.draftedText.indexOf(excerpt);
    return at < 0 ? excerpt : `line ${review.draftedText.slice(0, at).split('\n').length}: ${excerpt}`;
  }

  /** One row per field the import changes, before → after; a known record's change can be left out. */
  function changeRows(changes) {
    return changes.map((change) => {
      const row = element('tr');
      row.setAttribute('data-change', change.key);
      const decision = element('td', 'decision');
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = 'apply-change';
      box.value = change.key;
      box.checked = true;
      // A new record's fields come with the record: the whole record is kept or the draft is corrected.
      box.disabled = !change.rejectable;
      box.addEventListener('change', () => row.classList.toggle('rejected', !box.checked));
      label.appendChild(box);
      // Only a known record's field can be left out; the rest comes with a new record, or with the new source.
      const fixed = change.before === null ? 'new record' : 'with the source';
      label.appendChild(document.createTextNode(change.rejectable ? ' apply' : ` ${fixed}`));
      label.title = change.rejectable ? 'Untick to leave the field as it is' : `Comes with the import (${fixed})`;
      decision.appendChild(label);
      row.appendChild(decision);
      row.appendChild(cell('td', `${change.recordType} ${change.recordKey}`));
      row.appendChild(cell('td', change.field));
      row.appendChild(valueCell(change.before, 'before'));
      row.appendChild(valueCell(change.after, 'after'));
      row.appendChild(cell('td', provenance(change.excerpt), 'hint'));
      return row;
    });
  }

  /** One row per conflict: the known value stays unless the editor accepts the page's. */
  function conflictRows(conflicts) {
    return conflicts.map((conflict, index) => {
      const row = element('tr');
      row.setAttribute('data-conflict', conflict.key);
      const decision = element('td', 'decision');
      for (const [value, text] of [
        ['keep', 'keep known'],
        ['accept', 'accept the page’s'],
        ['open', 'decide later'],
      ]) {
        const label = element('label');
        const radio = element('input');
        radio.type = 'radio';
        radio.name = `conflict-${index}`;
        radio.value = value;
        radio.checked = value === 'open';
        radio.addEventListener('change', () => {
          row.classList.toggle('accepted', value === 'accept');
          row.classList.toggle('kept', value === 'keep');
        });
        label.appendChild(radio);
        label.appendChild(document.createTextNode(` ${text}`));
        decision.appendChild(label);
      }
      row.appendChild(decision);
      row.appendChild(cell('td', `${conflict.recordType} ${conflict.recordKey}`));
      row.appendChild(cell('td', conflict.field));
      row.appendChild(valueCell(conflict.known, 'known'));
      row.appendChild(valueCell(conflict.claimed, 'claimed'));
      row.appendChild(cell('td', provenance(conflict.excerpt), 'hint'));
      return row;
    });
  }

  /** The editor's decisions, as importProgramme's review input takes them. */
  function decisions() {
    const rejectChanges = [];
    for (const box of reportBox.querySelectorAll('input[name="apply-change"]')) if (!box.disabled && !box.checked) rejectChanges.push(box.value);
    const acceptConflicts = [];
    const keepConflicts = [];
    for (const row of reportBox.querySelectorAll('tr[data-conflict]')) {
      const chosen = row.querySelector('input[type="radio"]:checked').value;
      if (chosen === 'accept') acceptConflicts.push(row.getAttribute('data-conflict'));
      if (chosen === 'keep') keepConflicts.push(row.getAttribute('data-conflict'));
    }
    return { rejectChanges, acceptConflicts, keepConflicts };
  }

  function renderReport(box, report) {
    box.textContent = '';
    const changeHeadings = ['Decision', 'Record', 'Field', 'Before', 'After', 'Read from'];
    box.appendChild(table('curate-changes', `Changes (${report.changes.length}): before → after`, changeHeadings, changeRows(report.changes)));
    const conflictHeadings = ['Decision', 'Record', 'Field', 'Known', 'The page says', 'Read from'];
    box.appendChild(table('curate-conflicts', `Conflicts (${report.conflicts.length}): the known value stays unless you accept the page’s`, conflictHeadings, conflictRows(report.conflicts)));
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
      const chosen = decisions();
      const { importProgramme } = await graphql(IMPORT_MUTATION, { input: { ...importInput(false), review: chosen } });
      const applied = importProgramme.changes.filter((change) => change.applied).length;
      const open = importProgramme.conflicts.filter((conflict) => conflict.status === 'OPEN').length;
      resultBox.textContent = '';
      resultBox.appendChild(
        element(
          'p',
          '',
          `Imported in one transaction: ${applied} ${applied === 1 ? 'change' : 'changes'} made, ${chosen.rejectChanges.length} left out; ` +
            `${chosen.acceptConflicts.length} ${chosen.acceptConflicts.length === 1 ? 'conflict' : 'conflicts'} accepted, ${chosen.keepConflicts.length} kept as known, ${open} left open.`,
        ),
      );
      const link = element('a', '', 'This import in the history');
      link.id = 'curate-history-link';
      link.href = `?import=${encodeURIComponent(importProgramme.importId)}`;
      const linkLine = element('p', '', '');
      linkLine.appendChild(link);
      linkLine.appendChild(document.createTextNode(` (every change it made names it: importId ${importProgramme.importId})`));
      resultBox.appendChild(linkLine);
      setState(resultSection, 'ready');
      setStatus('Imported.');
    } catch (error) {
      applyButton.disabled = false;
      fail(resultSection, error);
    }
  });

  // ------------------------------------------------------------------ an import in the history (/curate?import=<importId>)

  /** Every change one import made, from the history: where each Change.importId leads. */
  async function showHistory(importId) {
    historySection.hidden = false;
    setState(historySection, 'loading');
    try {
      const changes = [];
      let after = null;
      for (;;) {
        const { changes: page } = await graphql(HISTORY_QUERY, { importId, after });
        changes.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      historyBox.textContent = '';
      historyBox.appendChild(element('p', '', `Import ${importId}: ${changes.length} ${changes.length === 1 ? 'record' : 'records'} created or changed.`));
      const rows = changes.map((change) => {
        const row = element('tr');
        row.setAttribute('data-record-id', change.recordId);
        for (const text of [change.at, change.actor, change.action, change.recordType, change.changedFields.join(', ')]) row.appendChild(cell('td', text));
        return row;
      });
      historyBox.appendChild(table('curate-history-changes', 'The history of this import', ['When', 'By', 'Action', 'Record', 'Fields'], rows));
      setState(historySection, 'ready');
    } catch (error) {
      fail(historySection, error);
    }
  }

  showSession();
  if (storedKey()) setStatus("Signed in. Upload or paste a page's text, then draft it.");
  const importId = new URLSearchParams(window.location.search).get('import');
  if (importId) showHistory(importId);
})();
