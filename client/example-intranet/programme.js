// The programme of one conference edition, from a Lekgotla API, for an intranet page.
//
// Plain browser JavaScript: no framework, no build step, nothing from a CDN.
// The operation is a persisted query: queries.json holds its document and
// the document's sha256 hash, as client/generated/persisted-documents.json
// lists them. The page asks by hash alone, with a GET that browsers and
// proxies may cache; if the API does not know the hash yet, it sends the
// document once by POST, which registers it for the next GETs.

const ROLE_LABELS = {
  CHAIRPERSON: 'Chairperson',
  FACILITATOR: 'Facilitator',
  KEYNOTE_SPEAKER: 'Keynote speaker',
  PANELLIST: 'Panellist',
  PRESENTER: 'Presenter',
  SPEAKER: 'Speaker',
};

const KIND_LABELS = {
  ADDRESS: 'Address',
  BREAKAWAY: 'Breakaway',
  COMMISSION: 'Commission',
  GALA_DINNER: 'Gala dinner',
  KEYNOTE: 'Keynote',
  OTHER: 'Session',
  PLENARY: 'Plenary',
  ROUND_TABLE: 'Round table',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A failure the page explains to its reader. */
class ProgrammeError extends Error {}

/** An element with text (never HTML: everything shown comes from the API). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** "2007-09-12" → { day: 12, month: 'September', year: 2007 } */
function parseDate(text) {
  const [year, month, day] = text.split('-').map(Number);
  return { day, month: MONTHS[month - 1], year };
}

/** "12–14 September 2007", "30 September – 2 October 2007", or one date. */
export function formatDates(start, end) {
  if (!start && !end) return '';
  if (!start || !end || start === end) {
    const only = parseDate(start || end);
    return `${only.day} ${only.month} ${only.year}`;
  }
  const from = parseDate(start);
  const to = parseDate(end);
  if (from.year !== to.year) return `${from.day} ${from.month} ${from.year} – ${to.day} ${to.month} ${to.year}`;
  if (from.month !== to.month) return `${from.day} ${from.month} – ${to.day} ${to.month} ${to.year}`;
  return `${from.day}–${to.day} ${to.month} ${to.year}`;
}

/** "Deputy Director-General, DPSA": the title, acting or not, and the organisation by its acronym where it has one. */
function formatPosition(position) {
  if (!position) return '';
  const title = position.acting ? `Acting ${position.title}` : position.title;
  const organisation = position.organisation ? position.organisation.acronym || position.organisation.name : '';
  return organisation ? `${title}, ${organisation}` : title;
}

/** "Ms C Clark — Deputy Director-General, DPSA" */
function formatPerson(participation) {
  const position = formatPosition(participation.position);
  return position ? `${participation.person.displayName} — ${position}` : participation.person.displayName;
}

/** "Commission 1: Organisational Performance Management"; a commission the programme names only by number stays "Commission 4". */
function sessionHeading(session) {
  if (session.kind === 'COMMISSION' && session.number != null) {
    const numbered = `Commission ${session.number}`;
    return session.title === numbered ? numbered : `${numbered}: ${session.title}`;
  }
  return session.title;
}

function renderParticipants(participants) {
  return element(
    'ul',
    { class: 'participants' },
    ...participants.map((participation) => {
      const role = ROLE_LABELS[participation.role] || participation.role;
      const position = formatPosition(participation.position);
      return element(
        'li',
        { class: 'participant', 'data-role': participation.role },
        element('span', { class: 'name' }, participation.person.displayName),
        ` (${role})`,
        ...(position ? [element('span', { class: 'position' }, ` — ${position}`)] : []),
      );
    }),
  );
}

function renderSession(session, headingTag) {
  const item = element(
    'li',
    { class: 'session', 'data-ref': session.ref, 'data-kind': session.kind },
    element('div', { class: 'kind' }, KIND_LABELS[session.kind] || session.kind),
    element(headingTag, { class: 'session-title' }, sessionHeading(session)),
  );
  if (session.description) item.append(element('p', { class: 'description' }, session.description));
  if (session.keyIssues.length) {
    item.append(
      element('div', { class: 'label' }, 'Key issues'),
      element('ul', { class: 'key-issues' }, ...session.keyIssues.map((issue) => element('li', {}, issue))),
    );
  }
  if (session.participants.length) item.append(renderParticipants(session.participants));
  const children = session.children || [];
  if (children.length) {
    item.append(element('ol', { class: 'commissions' }, ...children.map((child) => renderSession(child, 'h4'))));
  }
  if (!session.description && !session.keyIssues.length && !session.participants.length && !children.length) {
    item.append(element('p', { class: 'empty' }, 'The programme lists nothing under this session.'));
  }
  return item;
}

function renderDay(day) {
  const heading = day.date ? `Day ${day.number} — ${formatDates(day.date, day.date)}` : `Day ${day.number}`;
  const section = element('section', { class: 'day', 'data-day': String(day.number) }, element('h2', {}, heading));
  if (day.subTheme) {
    section.append(element('p', { class: 'sub-theme' }, element('span', { class: 'label' }, 'Sub-theme: '), element('span', { class: 'text' }, day.subTheme)));
  }
  if (day.chair) {
    section.append(element('p', { class: 'chair' }, element('span', { class: 'label' }, 'Chair: '), element('span', { class: 'text' }, formatPerson(day.chair))));
  }
  section.append(element('ol', { class: 'sessions' }, ...day.sessions.map((session) => renderSession(session, 'h3'))));
  return section;
}

function renderConference(conference) {
  document.title = `${conference.title} — programme`;
  document.getElementById('title').textContent = conference.title;
  document.getElementById('theme').textContent = conference.theme || '';
  const dates = formatDates(conference.startDate, conference.endDate);
  const venue = conference.venue ? [conference.venue.name, conference.venue.city].filter(Boolean).join(', ') : '';
  document.getElementById('dates').textContent = dates;
  document.getElementById('venue').textContent = dates && venue ? ` · ${venue}` : venue;
  document.getElementById('programme').replaceChildren(...conference.days.map(renderDay));
}

/** The answer's body, or a ProgrammeError that says what went wrong. */
async function send(endpoint, url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    // A browser says no more than this when CORS refuses the answer, or nothing answers.
    throw new ProgrammeError(
      `Could not load the programme: the Lekgotla API at ${endpoint} did not answer this page. ` +
        `It may be down, or it may not list this page's origin (${location.origin}) in CORS_ORIGINS.`,
    );
  }
  const type = response.headers.get('content-type') || '';
  if (!/^application\/(graphql-response\+)?json/.test(type)) {
    throw new ProgrammeError(`Could not load the programme: ${endpoint} answered HTTP ${response.status}, not a GraphQL response.`);
  }
  return response.json();
}

/** Runs a persisted query: its hash alone by GET, then its document by POST if the API does not know the hash yet. */
async function persistedQuery(endpoint, operationName, operation, variables) {
  const extensions = { persistedQuery: { version: 1, sha256Hash: operation.sha256Hash } };
  const url = new URL(endpoint);
  url.searchParams.set('operationName', operationName);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify(extensions));
  const accept = 'application/graphql-response+json, application/json;q=0.9';
  // apollo-require-preflight: the API's CSRF prevention accepts a GET only with a header that needs a preflight.
  let body = await send(endpoint, url, { method: 'GET', headers: { accept, 'apollo-require-preflight': 'true' } });
  if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
    body = await send(endpoint, endpoint, {
      method: 'POST',
      headers: { accept, 'content-type': 'application/json' },
      body: JSON.stringify({ operationName, query: operation.document, variables, extensions }),
    });
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    const code = first.extensions?.code || 'ERROR';
    throw new ProgrammeError(`Could not load the programme: the Lekgotla API refused the request (${code}): ${first.message}`);
  }
  return body.data;
}

function showError(message) {
  const error = document.getElementById('error');
  error.textContent = message;
  error.hidden = false;
}

async function main() {
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.search);
  const endpoint = params.get('endpoint');
  const series = params.get('series') || 'sms';
  const year = Number(params.get('year') || '2007');
  try {
    if (!endpoint) throw new ProgrammeError('No API to ask: open this page with ?endpoint=https://…/graphql');
    const queries = await (await fetch(new URL('queries.json', import.meta.url))).json();
    const data = await persistedQuery(endpoint, 'ConferenceProgramme', queries.ConferenceProgramme, { series, year });
    if (!data.conference) throw new ProgrammeError(`The knowledge base has no ${series} conference of ${year}.`);
    renderConference(data.conference);
    document.body.dataset.state = 'loaded';
  } catch (error) {
    showError(error instanceof ProgrammeError ? error.message : `Could not show the programme: ${error}`);
    document.body.dataset.state = 'error';
  } finally {
    status.hidden = true;
  }
}

main();
