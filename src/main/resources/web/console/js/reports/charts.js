// Chart.js, loaded when a report first draws a chart (its UMD build sets globalThis.Chart).
// Charts follow the page's colours; every chart has its numbers beside it in a table.
let loading = null;

export function chartLibrary() {
  if (!loading) {
    loading = import('chart.js').then(() => globalThis.Chart);
  }
  return loading;
}

const ACCENT = '#2563eb';
const SECOND = '#d97706';

/**
 * Draws (or redraws) a chart on the canvas; returns the chart, to destroy it when the
 * component goes.
 */
export async function draw(canvas, previous, config) {
  const Chart = await chartLibrary();
  if (previous) previous.destroy();
  if (!canvas || !canvas.isConnected) return null;
  return new Chart(canvas, {
    ...config,
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      ...(config.options || {}),
    },
  });
}

export const COLOURS = { accent: ACCENT, second: SECOND, ok: '#15803d', danger: '#dc2626',
  ratings: ['#dc2626', '#f97316', '#eab308', '#84cc16', '#16a34a'] };
