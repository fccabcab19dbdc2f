// The chart (Chart.js, loaded as a classic script before the modules), its
// legend as HTML beneath it, and the chart as a PNG with that legend drawn in.
import { shareText } from './model.js';
import { seriesStyle } from './series-style.js';

let chart = null;

/**
 * How far (in years) line number `index` of `count` is nudged sideways: lines
 * with the same value in a year would otherwise hide one another's points, so
 * they stand side by side around the year, 0.3 of a year apart at most in all.
 */
export function dodge(index, count) {
  if (count < 2) return 0;
  const step = Math.min(0.3 / (count - 1), 0.06);
  return (index - (count - 1) / 2) * step;
}

/** Chart.js's options for each dataset: the model's values at their (nudged) years, and the line's style. */
function styled(data) {
  return data.datasets.map((dataset, index) => {
    const style = seriesStyle(index, dataset.topicIndex, dataset.measure);
    const shift = dodge(index, data.datasets.length);
    return {
      label: dataset.label,
      data: dataset.data.map((value, yearIndex) => ({ x: data.labels[yearIndex] + shift, y: value })),
      borderColor: style.colour,
      backgroundColor: style.colour,
      pointBackgroundColor: style.pointBackgroundColor,
      borderWidth: style.borderWidth,
      borderDash: style.borderDash,
      pointStyle: style.pointStyle,
      pointRadius: 5,
      pointHoverRadius: 7,
      tension: 0,
      // Chart.js would join the points across a null: the unknown years stay gaps.
      spanGaps: false,
    };
  });
}

/** A year axis: whole years only, half a year of room at either end for the nudged points. */
function xAxis(labels) {
  return {
    type: 'linear',
    min: labels.length ? labels[0] - 0.5 : undefined,
    max: labels.length ? labels[labels.length - 1] + 0.5 : undefined,
    // A tick on each year of the answer (Chart.js would count from the half-year minimum), written without a thousands separator.
    afterBuildTicks: (axis) => {
      axis.ticks = labels.map((value) => ({ value }));
    },
    ticks: { callback: (value) => String(value) },
    title: { display: true, text: 'Year' },
  };
}

/** Draws (or redraws) the chart for `data` in mode 'counts' or 'share'; returns Chart.js's datasets as drawn. */
export function drawChart(canvas, data, mode) {
  if (typeof window.Chart !== 'function') throw new Error('The chart library did not load.');
  const datasets = styled(data);
  const share = mode === 'share';
  const yAxis = {
    beginAtZero: true,
    // Room above the highest point, so its marker is not cut by the top of the chart.
    grace: '5%',
    ticks: share ? { callback: (value) => value + '%' } : { precision: 0 },
    title: { display: true, text: share ? 'Share of the year’s sessions (%)' : 'Count' },
  };
  if (!chart) {
    chart = new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.labels.slice(), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        // One tooltip for a year lists every line there, so lines drawn over each other are all named.
        interaction: { mode: 'index', intersect: false },
        scales: { x: xAxis(data.labels), y: yAxis },
        plugins: {
          // The legend is HTML beneath the chart (renderLegend): it wraps however many topics there are.
          legend: { display: false },
          tooltip: { usePointStyle: true, callbacks: { title: tooltipTitle, label: tooltipLabel } },
        },
      },
    });
  } else {
    chart.data.labels = data.labels.slice();
    chart.data.datasets = datasets;
    chart.options.scales.x = xAxis(data.labels);
    chart.options.scales.y = yAxis;
    chart.update();
  }
  chart.$lekgotlaMode = mode;
  return datasets;
}

/** The year itself, not the nudged position of the point under the pointer. */
function tooltipTitle(items) {
  return items.length ? String(items[0].chart.data.labels[items[0].dataIndex]) : '';
}

function tooltipLabel(item) {
  const value = item.raw.y === null ? 'unknown' : item.chart.$lekgotlaMode === 'share' ? shareText(item.raw.y) + '%' : String(item.raw.y);
  return item.dataset.label + ': ' + value;
}

export function clearChart() {
  if (!chart) return;
  chart.data.labels = [];
  chart.data.datasets = [];
  chart.update();
}

/** A line's sample as Chart.js draws it: its dash pattern, colour and point shape. */
function drawSample(context, dataset, x, y, width) {
  context.save();
  context.strokeStyle = dataset.borderColor;
  context.lineWidth = dataset.borderWidth;
  context.setLineDash(dataset.borderDash);
  context.beginPath();
  context.moveTo(x, y);
  context.lineTo(x + width, y);
  context.stroke();
  context.setLineDash([]);
  context.fillStyle = dataset.pointBackgroundColor;
  context.lineWidth = 1.5;
  window.Chart.helpers.drawPoint(context, { pointStyle: dataset.pointStyle, radius: 5, rotation: 0, borderWidth: 1.5 }, x + width / 2, y);
  context.restore();
}

const SAMPLE = { width: 36, height: 16 };

/** The legend as a list that wraps: one entry per line, each with a sample of the line and its label. */
export function renderLegend(list, datasets) {
  list.textContent = '';
  const ratio = window.devicePixelRatio || 1;
  for (const dataset of datasets) {
    const item = document.createElement('li');
    const sample = document.createElement('canvas');
    sample.width = SAMPLE.width * ratio;
    sample.height = SAMPLE.height * ratio;
    sample.className = 'sample';
    sample.setAttribute('aria-hidden', 'true');
    const context = sample.getContext('2d');
    context.scale(ratio, ratio);
    drawSample(context, dataset, 2, SAMPLE.height / 2, SAMPLE.width - 4);
    item.appendChild(sample);
    item.appendChild(document.createTextNode(dataset.label));
    list.appendChild(item);
  }
}

/**
 * The chart as a PNG as shown: a title, the chart on white (the canvas itself
 * is transparent) and the legend written beneath it, so the picture explains
 * itself wherever it is pasted.
 */
export function chartPng(title) {
  if (!chart) return Promise.reject(new Error('There is no chart to download.'));
  const source = chart.canvas;
  const ratio = source.width / source.clientWidth || 1;
  const width = source.clientWidth;
  const padding = 16;
  const lineHeight = 20;
  const font = '14px system-ui, sans-serif';
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = font;
  // Lay the legend out in rows first, to know how tall the picture is.
  const rows = [[]];
  let x = padding;
  for (const dataset of chart.data.datasets) {
    const itemWidth = SAMPLE.width + 6 + measure.measureText(dataset.label).width + 18;
    if (x + itemWidth > width - padding && rows[rows.length - 1].length > 0) {
      rows.push([]);
      x = padding;
    }
    rows[rows.length - 1].push({ dataset, x });
    x += itemWidth;
  }
  const titleHeight = 32;
  const legendTop = titleHeight + source.clientHeight + 8;
  const height = legendTop + rows.length * lineHeight + padding;

  const output = document.createElement('canvas');
  output.width = Math.round(width * ratio);
  output.height = Math.round(height * ratio);
  const context = output.getContext('2d');
  context.scale(ratio, ratio);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#1b1f24';
  context.font = '600 16px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.fillText(title, padding, titleHeight / 2, width - 2 * padding);
  context.drawImage(source, 0, titleHeight, width, source.clientHeight);
  context.font = font;
  rows.forEach((row, rowIndex) => {
    const y = legendTop + rowIndex * lineHeight + lineHeight / 2;
    for (const item of row) {
      drawSample(context, item.dataset, item.x, y, SAMPLE.width);
      context.fillStyle = '#1b1f24';
      context.fillText(item.dataset.label, item.x + SAMPLE.width + 6, y);
    }
  });
  return new Promise((resolve, reject) => {
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not write the PNG.'))), 'image/png');
  });
}
