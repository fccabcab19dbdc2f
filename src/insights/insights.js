// The analysts' insights page (GET /insights): topics over time from the
// GraphQL endpoint's topicTimeline, drawn with Chart.js and tabulated.
// Plain browser JavaScript, served as is: no build step, no framework.
//
// After every render, window.lekgotlaInsights holds what the chart draws:
//   { variables, labels: [year, …], known: [true|false, …],
//     datasets: [{ topicSlug, topicName, measure, label, data: [count or null, …] }] }
// with measure 'sessionCount' or 'conferenceCount'. A year whose counts are not
// known (its editions only referenced, or none recorded) is null in every
// dataset: Chart.js leaves a gap there (spanGaps: false) instead of drawing a
// zero nobody counted. The table (#insights-table) marks each cell with
// data-topic, data-year, data-measure and data-known; it says "unknown" where
// the chart has a gap, or "at least N" where the records hold a lower bound.
(function () {
  'use strict';

  var ENDPOINT = document.body.getAttribute('data-endpoint') || '/graphql';

  // The page's operations (src/insights/operations.graphql) exactly as the
  // persisted-documents manifest lists them, by name: a server with
  // TRUSTED_DOCUMENTS=anonymous runs nothing else for callers without a key.
  var OPERATIONS = fetch('/insights/operations.json', { credentials: 'same-origin' }).then(function (response) {
    if (!response.ok) throw new Error('The server answered ' + response.status + ' ' + response.statusText + ' for the page’s operations.');
    return response.json();
  });

  // Colour-blind-friendly (Okabe–Ito), then a few more.
  var PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C564B', '#7F7F7F', '#BCBD22'];

  var form = document.getElementById('insights-form');
  var topicsBox = document.getElementById('insights-topics');
  var seriesSelect = document.getElementById('insights-series');
  var fromInput = document.getElementById('insights-from');
  var toInput = document.getElementById('insights-to');
  var showConferences = document.getElementById('insights-show-conferences');
  var clearTopics = document.getElementById('insights-clear-topics');
  var statusBox = document.getElementById('insights-status');
  var output = document.getElementById('insights-output');
  var canvas = document.getElementById('insights-chart');
  var table = document.getElementById('insights-table');

  var chart = null;
  var latestRequest = 0;
  var lastResult = null; // { variables, rows } of the newest answer drawn

  function setStatus(text, isError) {
    statusBox.textContent = text;
    statusBox.className = isError ? 'error' : '';
    statusBox.setAttribute('role', isError ? 'alert' : 'status');
  }

  function setState(state) {
    output.setAttribute('data-state', state);
    output.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  /** POSTs one of the page's operations as JSON to the endpoint, as Apollo's CSRF prevention expects of a browser. */
  function graphql(operationName, variables) {
    return OPERATIONS.then(function (operations) {
      return fetch(ENDPOINT, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: operations[operationName], operationName: operationName, variables: variables }),
      });
    }).then(function (response) {
      return response.text().then(function (text) {
        var body;
        try {
          body = JSON.parse(text);
        } catch (error) {
          throw new Error('The server answered ' + response.status + ' ' + response.statusText + ' without a GraphQL result.');
        }
        if (body.errors && body.errors.length) {
          throw new Error(body.errors.map(function (error) { return error.message; }).join('; '));
        }
        if (!response.ok || !body.data) throw new Error('The server answered ' + response.status + ' ' + response.statusText + '.');
        return body.data;
      });
    });
  }

  function loadOptions() {
    var topics = [];
    var series = null;
    function page(after) {
      return graphql('InsightsOptions', { after: after }).then(function (data) {
        topics = topics.concat(data.topics.nodes);
        if (series === null) series = data.conferenceSeries;
        var info = data.topics.pageInfo;
        return info.hasNextPage && info.endCursor ? page(info.endCursor) : { topics: topics, series: series };
      });
    }
    return page(null);
  }

  function renderOptions(options) {
    topicsBox.textContent = '';
    options.topics.forEach(function (topic) {
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'topic';
      box.value = topic.slug;
      box.id = 'insights-topic-' + topic.slug;
      label.htmlFor = box.id;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + topic.name));
      topicsBox.appendChild(label);
    });
    options.series.forEach(function (series) {
      var option = document.createElement('option');
      option.value = series.slug;
      option.textContent = series.name;
      seriesSelect.appendChild(option);
    });
  }

  function topicBoxes() {
    return Array.prototype.slice.call(topicsBox.querySelectorAll('input[name="topic"]'));
  }

  /** The form's state in the page's address, so a view can be bookmarked or shared. */
  function applyAddress() {
    var params = new URLSearchParams(window.location.search);
    var wanted = params.getAll('topic');
    topicBoxes().forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    var series = params.get('series');
    if (series !== null && seriesSelect.querySelector('option[value="' + CSS.escape(series) + '"]')) seriesSelect.value = series;
    if (params.get('from')) fromInput.value = params.get('from');
    if (params.get('to')) toInput.value = params.get('to');
    if (params.get('conferences') === '0') showConferences.checked = false;
  }

  function writeAddress(variables) {
    var params = new URLSearchParams();
    (variables.topicSlugs || []).forEach(function (slug) { params.append('topic', slug); });
    if (variables.seriesSlug) params.set('series', variables.seriesSlug);
    if (variables.fromYear !== null) params.set('from', String(variables.fromYear));
    if (variables.toYear !== null) params.set('to', String(variables.toYear));
    if (!showConferences.checked) params.set('conferences', '0');
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  function readYear(input, name) {
    var text = input.value.trim();
    if (text === '') return null;
    if (!/^\d{4}$/.test(text)) throw new Error(name + ' must be a four-digit year.');
    return Number(text);
  }

  /** The form as topicTimeline's variables; throws a message for a person when it is not a valid question. */
  function readVariables() {
    var fromYear = readYear(fromInput, 'From year');
    var toYear = readYear(toInput, 'To year');
    if (fromYear !== null && toYear !== null && fromYear > toYear) throw new Error('From year ' + fromYear + ' is after to year ' + toYear + '.');
    return {
      topicSlugs: topicBoxes().filter(function (box) { return box.checked; }).map(function (box) { return box.value; }),
      seriesSlug: seriesSelect.value || null,
      fromYear: fromYear,
      toYear: toYear,
    };
  }

  /** Rows (topic × year) → years ascending, whether each year is known, and topics in the order the API gives them. */
  function tabulate(rows) {
    var years = [];
    var known = {};
    var topics = [];
    var bySlug = {};
    rows.forEach(function (row) {
      if (years.indexOf(row.year) === -1) years.push(row.year);
      known[row.year] = row.known;
      var topic = bySlug[row.topic.slug];
      if (!topic) {
        topic = bySlug[row.topic.slug] = { slug: row.topic.slug, name: row.topic.name, sessionCount: {}, conferenceCount: {} };
        topics.push(topic);
      }
      topic.sessionCount[row.year] = row.sessionCount;
      topic.conferenceCount[row.year] = row.conferenceCount;
    });
    years.sort(function (a, b) { return a - b; });
    return { years: years, known: known, topics: topics };
  }

  /** The counts to draw: null (a gap) for a year not known, even where the records hold a lower bound a line cannot show as one. */
  function countsOf(topic, measure, tabulated) {
    return tabulated.years.map(function (year) {
      return tabulated.known[year] && year in topic[measure] ? topic[measure][year] : null;
    });
  }

  /** A table cell's text: the count of a known year; for a year not known, "unknown" or the lower bound the records hold. */
  function cellText(value, known) {
    if (value === null) return '—';
    if (known) return String(value);
    return value > 0 ? 'at least ' + value : 'unknown';
  }

  /** What the chart draws, as plain data: the same objects go to Chart.js (copied) and to window.lekgotlaInsights. */
  function chartData(table) {
    var datasets = [];
    table.topics.forEach(function (topic, index) {
      datasets.push({
        topicSlug: topic.slug,
        topicName: topic.name,
        measure: 'sessionCount',
        label: topic.name + ' — sessions',
        data: countsOf(topic, 'sessionCount', table),
        colourIndex: index,
      });
      if (showConferences.checked) {
        datasets.push({
          topicSlug: topic.slug,
          topicName: topic.name,
          measure: 'conferenceCount',
          label: topic.name + ' — conferences',
          data: countsOf(topic, 'conferenceCount', table),
          colourIndex: index,
        });
      }
    });
    return {
      labels: table.years.slice(),
      known: table.years.map(function (year) { return table.known[year]; }),
      datasets: datasets,
    };
  }

  function drawChart(data) {
    var datasets = data.datasets.map(function (dataset) {
      var colour = PALETTE[dataset.colourIndex % PALETTE.length];
      var conferences = dataset.measure === 'conferenceCount';
      return {
        label: dataset.label,
        data: dataset.data.slice(),
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: conferences ? 2 : 3,
        borderDash: conferences ? [6, 4] : [],
        pointStyle: conferences ? 'rectRot' : 'circle',
        pointRadius: 4,
        tension: 0,
        spanGaps: false,
      };
    });
    if (typeof window.Chart !== 'function') throw new Error('The chart library did not load.');
    if (!chart) {
      chart = new window.Chart(canvas, {
        type: 'line',
        data: { labels: data.labels.slice(), datasets: datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { title: { display: true, text: 'Year' } },
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Count' } },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    } else {
      chart.data.labels = data.labels.slice();
      chart.data.datasets = datasets;
      chart.update();
    }
  }

  function cell(tag, text, attributes) {
    var element = document.createElement(tag);
    element.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    return element;
  }

  function drawTable(tabulated) {
    var head = table.tHead;
    var body = table.tBodies[0];
    head.textContent = '';
    body.textContent = '';
    if (tabulated.topics.length === 0) return;
    var topicRow = document.createElement('tr');
    topicRow.appendChild(cell('th', 'Year', { scope: 'col', rowspan: '2' }));
    var measureRow = document.createElement('tr');
    tabulated.topics.forEach(function (topic) {
      topicRow.appendChild(cell('th', topic.name, { scope: 'colgroup', colspan: '2', 'data-topic': topic.slug }));
      measureRow.appendChild(cell('th', 'Sessions', { scope: 'col', 'data-topic': topic.slug, 'data-measure': 'sessionCount' }));
      measureRow.appendChild(cell('th', 'Conferences', { scope: 'col', 'data-topic': topic.slug, 'data-measure': 'conferenceCount' }));
    });
    head.appendChild(topicRow);
    head.appendChild(measureRow);
    tabulated.years.forEach(function (year) {
      var row = document.createElement('tr');
      row.setAttribute('data-year', String(year));
      row.appendChild(cell('th', String(year), { scope: 'row' }));
      tabulated.topics.forEach(function (topic) {
        ['sessionCount', 'conferenceCount'].forEach(function (measure) {
          var value = year in topic[measure] ? topic[measure][year] : null;
          var known = tabulated.known[year];
          var td = cell('td', cellText(value, known), {
            'data-topic': topic.slug,
            'data-year': String(year),
            'data-measure': measure,
            'data-known': String(known),
          });
          td.className = 'count' + (!known ? ' unknown' : value === 0 ? ' zero' : '');
          row.appendChild(td);
        });
      });
      body.appendChild(row);
    });
  }

  function render(variables, rows) {
    var tabulated = tabulate(rows);
    var data = chartData(tabulated);
    drawChart(data);
    drawTable(tabulated);
    window.lekgotlaInsights = {
      variables: variables,
      labels: data.labels,
      known: data.known,
      datasets: data.datasets.map(function (dataset) {
        return { topicSlug: dataset.topicSlug, topicName: dataset.topicName, measure: dataset.measure, label: dataset.label, data: dataset.data };
      }),
    };
  }

  function renderEmpty(variables) {
    lastResult = null;
    if (chart) {
      chart.data.labels = [];
      chart.data.datasets = [];
      chart.update();
    }
    drawTable({ years: [], known: {}, topics: [] });
    window.lekgotlaInsights = { variables: variables, labels: [], known: [], datasets: [] };
  }

  function describe(variables, rows) {
    var tabulated = tabulate(rows);
    var years = tabulated.years;
    var span = years.length ? years[0] + '–' + years[years.length - 1] : 'no years';
    var series = variables.seriesSlug ? seriesSelect.options[seriesSelect.selectedIndex].textContent : 'all series';
    var topics = variables.topicSlugs.length;
    var unknown = years.filter(function (year) { return !tabulated.known[year]; });
    return 'Showing ' + topics + (topics === 1 ? ' topic' : ' topics') + ' in ' + series + ', ' + span + '.' +
      (unknown.length ? ' Not documented, so unknown and left as gaps: ' + unknown.join(', ') + '.' : '');
  }

  function update() {
    var variables;
    try {
      variables = readVariables();
    } catch (error) {
      latestRequest++;
      setState('invalid');
      setStatus(error.message, true);
      return;
    }
    writeAddress(variables);
    var request = ++latestRequest;
    if (variables.topicSlugs.length === 0) {
      renderEmpty(variables);
      setState('empty');
      setStatus('Choose one or more topics to draw their timeline.', false);
      return;
    }
    setState('loading');
    setStatus('Loading…', false);
    graphql('InsightsTimeline', variables).then(
      function (data) {
        if (request !== latestRequest) return; // a newer question is on its way
        lastResult = { variables: variables, rows: data.topicTimeline };
        try {
          render(variables, data.topicTimeline);
        } catch (error) {
          setState('error');
          setStatus('Could not draw the timeline: ' + error.message, true);
          return;
        }
        setState('ready');
        setStatus(describe(variables, data.topicTimeline), false);
      },
      function (error) {
        if (request !== latestRequest) return;
        setState('error');
        setStatus('Could not load the timeline: ' + error.message, true);
      },
    );
  }

  // Redrawing for the conference toggle needs no new answer.
  function redraw() {
    if (lastResult && output.getAttribute('data-state') === 'ready') {
      writeAddress(lastResult.variables);
      try {
        render(lastResult.variables, lastResult.rows);
      } catch (error) {
        setState('error');
        setStatus(error.message, true);
      }
    } else {
      update();
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener('change', function (event) {
    if (event.target === showConferences) redraw();
    else update();
  });
  clearTopics.addEventListener('click', function () {
    topicBoxes().forEach(function (box) { box.checked = false; });
    update();
  });

  setState('loading');
  loadOptions().then(
    function (options) {
      renderOptions(options);
      applyAddress();
      update();
    },
    function (error) {
      setState('error');
      topicsBox.textContent = '';
      setStatus('Could not load the topics and series: ' + error.message, true);
    },
  );
})();
