// The page's questions to the GraphQL endpoint. It sends its operations
// (src/insights/operations.graphql) exactly as the persisted-documents
// manifest lists them, by name: a server with TRUSTED_DOCUMENTS=anonymous
// runs nothing else for callers without a key.

const ENDPOINT = document.body.getAttribute('data-endpoint') || '/graphql';

const OPERATIONS = fetch('/insights/operations.json', { credentials: 'same-origin' }).then((response) => {
  if (!response.ok) throw new Error('The server answered ' + response.status + ' ' + response.statusText + ' for the page’s operations.');
  return response.json();
});

/** POSTs one of the page's operations as JSON, as Apollo's CSRF prevention expects of a browser. */
async function graphql(operationName, variables) {
  const operations = await OPERATIONS;
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: operations[operationName], operationName, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('The server answered ' + response.status + ' ' + response.statusText + ' without a GraphQL result.');
  }
  if (body.errors && body.errors.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!response.ok || !body.data) throw new Error('The server answered ' + response.status + ' ' + response.statusText + '.');
  return body.data;
}

/** Every topic (page by page) and every series. */
export async function loadOptions() {
  let topics = [];
  let series = null;
  let after = null;
  for (;;) {
    const data = await graphql('InsightsOptions', { after });
    topics = topics.concat(data.topics.nodes);
    if (series === null) series = data.conferenceSeries;
    const info = data.topics.pageInfo;
    if (!info.hasNextPage || !info.endCursor) return { topics, series };
    after = info.endCursor;
  }
}

/** Sessions per year over the editions the question covers, summed from each edition's session count. */
async function sessionsByYear(variables) {
  const filter = {};
  if (variables.seriesSlug) filter.seriesSlug = variables.seriesSlug;
  if (variables.fromYear !== null) filter.fromYear = variables.fromYear;
  if (variables.toYear !== null) filter.toYear = variables.toYear;
  const totals = {};
  let after = null;
  for (;;) {
    const data = await graphql('InsightsSessionTotals', { filter, after });
    for (const conference of data.conferences.nodes) {
      totals[conference.year] = (totals[conference.year] ?? 0) + conference.sessions.totalCount;
    }
    const info = data.conferences.pageInfo;
    if (!info.hasNextPage || !info.endCursor) return totals;
    after = info.endCursor;
  }
}

/** The timeline rows for topicTimeline's variables and the sessions each year holds. */
export async function loadTimeline(variables) {
  const [data, totals] = await Promise.all([graphql('InsightsTimeline', variables), sessionsByYear(variables)]);
  return { rows: data.topicTimeline, sessionsByYear: totals };
}
