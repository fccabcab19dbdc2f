// The table beneath the chart, written from the model's viewTable: a row
// per year, a column per topic and measure, "All sessions" and a totals row.
// Each count cell carries data-topic, data-year, data-measure and data-known.
import { TOTALS_LABEL } from './model.js';

function cell(tag, text, attributes) {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  return element;
}

function countClass(text, known) {
  return 'count' + (!known ? ' unknown' : text === '0' || text === '0.0' ? ' zero' : '');
}

export function drawTable(tableElement, table) {
  const head = tableElement.tHead;
  const body = tableElement.tBodies[0];
  const foot = tableElement.tFoot;
  head.textContent = '';
  body.textContent = '';
  foot.textContent = '';
  if (table.columns.length <= 1) return;

  const topicRow = document.createElement('tr');
  const measureRow = document.createElement('tr');
  topicRow.appendChild(cell('th', 'Year', { scope: 'col', rowspan: '2' }));
  let previous = null;
  for (const column of table.columns) {
    const slug = column.topic ? column.topic.slug : null;
    if (!column.topic) {
      topicRow.appendChild(cell('th', column.heading, { scope: 'col', rowspan: '2', 'data-measure': column.measure }));
      continue;
    }
    if (slug !== previous) {
      const span = table.columns.filter((other) => other.topic && other.topic.slug === slug).length;
      topicRow.appendChild(cell('th', column.topic.name, { scope: 'colgroup', colspan: String(span), 'data-topic': slug }));
    }
    measureRow.appendChild(cell('th', column.heading, { scope: 'col', 'data-topic': slug, 'data-measure': column.measure }));
    previous = slug;
  }
  head.appendChild(topicRow);
  head.appendChild(measureRow);

  for (const row of table.rows) {
    const line = document.createElement('tr');
    line.setAttribute('data-year', String(row.year));
    line.appendChild(cell('th', String(row.year), { scope: 'row' }));
    row.cells.forEach((value, index) => {
      const column = table.columns[index];
      const attributes = { 'data-year': String(row.year), 'data-measure': column.measure, 'data-known': String(value.known) };
      if (column.topic) attributes['data-topic'] = column.topic.slug;
      const td = cell('td', value.text, attributes);
      td.className = countClass(value.text, value.known);
      line.appendChild(td);
    });
    body.appendChild(line);
  }

  const totals = document.createElement('tr');
  totals.appendChild(cell('th', TOTALS_LABEL, { scope: 'row' }));
  table.totals.forEach((value, index) => {
    const column = table.columns[index];
    const attributes = { 'data-year': 'total', 'data-measure': column.measure };
    if (column.topic) attributes['data-topic'] = column.topic.slug;
    const td = cell('td', value.text, attributes);
    td.className = 'count total';
    totals.appendChild(td);
  });
  foot.appendChild(totals);
}
