import type { RetrainComparison, RetrainOutcome } from '../../../shared/monitor/retrain';
import { num } from './monitor-heatmap';

/** A retrain job's outcome in words: where the loop stopped, how the two models compared, what the data was. Pure, unit-tested. */

const v = (ref: { model: string; version: number }) => `${ref.model} v${ref.version}`;

/** One sentence: where the loop stopped and why. */
export function retrainHeadline(o: RetrainOutcome): string {
  const challenger = v(o.challenger);
  switch (o.outcome) {
    case 'champion kept':
      return `${v(o.champion)} stays the champion: the challenger ${challenger} was not better on the recent labeled rows.`;
    case 'challenger registered':
      return `The challenger was registered as ${challenger}; it was not promoted (promotion was not asked for).`;
    case 'awaiting gates':
      return `The challenger ${challenger} won, but the promotion gates held it back: ${o.gatesFailed.join('; ') || 'see the promote step'}.`;
    case 'promoted':
      return `${challenger} was promoted to champion; ${o.target} still serves ${v(o.champion)} (no redeploy was asked for).`;
    case 'redeployed':
      return `${challenger} was promoted to champion and now serves on ${o.target}.`;
    case 'redeploy failed':
      return `${challenger} was promoted to champion, but the redeploy to ${o.target} failed; ${v(o.champion)} still serves there.`;
  }
}

/** Champion and challenger on the same held-out rows, with the winner. */
export function comparisonWords(c: RetrainComparison): string {
  const score = (x: number | null) => (x === null ? 'undefined' : num(x));
  const window = `${c.rows.toLocaleString('en')} held-out labeled rows`;
  const verdict = c.winner === 'undecided' ? `undecided: ${c.metric} is not defined on these rows` : `the ${c.winner} wins (${c.higherIsBetter ? 'higher' : 'lower'} is better)`;
  return `On the ${window}, ${c.metric}: champion ${score(c.champion)}, challenger ${score(c.challenger)} — ${verdict}.`;
}

/** What the challenger learned from. */
export function dataWords(o: RetrainOutcome): string {
  const original = o.rows.original > 0 ? ` plus ${o.rows.original.toLocaleString('en')} rows of the champion’s training data` : '';
  return `Trained on ${o.rows.training.toLocaleString('en')} labeled served rows${original} (dataset ${o.dataset}); the newest ${o.rows.heldOut.toLocaleString('en')} of ${o.rows.labeled.toLocaleString('en')} labeled rows were held out to compare on.`;
}

/** Step outcome marks, as the deploy steps show theirs. */
export const STEP_MARKS: Record<RetrainOutcome['steps'][number]['outcome'], string> = { ok: '✓', skipped: '–', refused: '✗', failed: '✗' };
