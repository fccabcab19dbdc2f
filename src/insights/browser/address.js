// The view in the page's address (?topic=…&topic=…&series=…&from=…&to=…&view=share&conferences=0),
// so reloading or sharing the address reopens the same view. Values the page
// does not know are left out and named in a notice; they never stop the page.

export const VIEW_MODES = ['counts', 'share'];
const PARAMETERS = ['topic', 'series', 'from', 'to', 'view', 'conferences'];

function parseYear(text) {
  return /^\d{4}$/.test(text) && Number(text) >= 1900 && Number(text) <= 2100 ? Number(text) : null;
}

/**
 * The view an address asks for, given the topics and series the page offers
 * (slugs): { state, ignored }, where `ignored` lists what was left out, for
 * people to read.
 */
export function parseAddress(search, known) {
  const params = new URLSearchParams(search);
  const ignored = [];
  const state = { topicSlugs: [], seriesSlug: null, fromYear: null, toYear: null, mode: 'counts', withConferences: true };
  for (const slug of params.getAll('topic')) {
    if (!known.topics.includes(slug)) ignored.push('topic "' + slug + '" (no such topic)');
    else if (!state.topicSlugs.includes(slug)) state.topicSlugs.push(slug);
  }
  const series = params.get('series');
  if (series !== null && series !== '') {
    if (known.series.includes(series)) state.seriesSlug = series;
    else ignored.push('series "' + series + '" (no such series)');
  }
  for (const [name, key] of [['from', 'fromYear'], ['to', 'toYear']]) {
    const text = params.get(name);
    if (text === null || text === '') continue;
    const year = parseYear(text);
    if (year === null) ignored.push(name + ' "' + text + '" (not a year between 1900 and 2100)');
    else state[key] = year;
  }
  if (state.fromYear !== null && state.toYear !== null && state.fromYear > state.toYear) {
    ignored.push('the year range ' + state.fromYear + '–' + state.toYear + ' (it runs backwards)');
    state.fromYear = state.toYear = null;
  }
  const view = params.get('view');
  if (view !== null) {
    if (VIEW_MODES.includes(view)) state.mode = view;
    else ignored.push('view "' + view + '" (counts or share)');
  }
  const conferences = params.get('conferences');
  if (conferences !== null) {
    if (conferences === '0' || conferences === '1') state.withConferences = conferences === '1';
    else ignored.push('conferences "' + conferences + '" (0 or 1)');
  }
  for (const name of new Set(params.keys())) {
    if (!PARAMETERS.includes(name)) ignored.push('"' + name + '" (not a setting of this page)');
  }
  return { state, ignored };
}

/** The address of a view; settings at their defaults are left out, so the plain page stays /insights. */
export function addressOf(pathname, state) {
  const params = new URLSearchParams();
  for (const slug of state.topicSlugs) params.append('topic', slug);
  if (state.seriesSlug) params.set('series', state.seriesSlug);
  if (state.fromYear !== null) params.set('from', String(state.fromYear));
  if (state.toYear !== null) params.set('to', String(state.toYear));
  if (state.mode !== 'counts') params.set('view', state.mode);
  if (!state.withConferences) params.set('conferences', '0');
  const query = params.toString();
  return pathname + (query ? '?' + query : '');
}
