// Small helpers the evaluation screens share: a total (0-100) as people read it, its
// colour band, and a counter the dialog bumps after saving so open lists load again.
import { ref } from 'vue';

/** Bumped after an evaluation is saved; lists of evaluations watch it. */
export const evaluationsChanged = ref(0);

export function formatTotal(total) {
  if (total === null || total === undefined) return '—';
  return Number(total).toFixed(Number.isInteger(total) ? 0 : 1);
}

/** ok from 80, warn from 60, else off (the badge classes). */
export function totalBand(total) {
  if (total === null || total === undefined) return '';
  return total >= 80 ? 'ok' : total >= 60 ? 'warn' : 'off';
}

/** The weighted total of the scores as the server works it out, or null when none is scored. */
export function weightedTotal(items, scores) {
  let weighted = 0;
  let weights = 0;
  for (const item of items) {
    const score = scores[item.id];
    if (score === null || score === undefined || score === 'na') continue;
    weighted += score * item.weight;
    weights += item.weight;
  }
  return weights ? Math.round((weighted * 10000) / (5 * weights)) / 100 : null;
}
