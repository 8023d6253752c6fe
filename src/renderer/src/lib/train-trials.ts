import { halvingRounds } from '../../../shared/train/halving';
import type { Run, SearchSummary } from '../../../shared/train/models';
import { paramText } from './train-words';

/**
 * A search or auto run's trials (its child runs) as pure functions: numbered in the order the
 * engine started them, scored by the parent's ranking metric on the validation rows, the best
 * marked, sorted, and the parent's progress and time left worked out from its trials' jobs.
 */

export interface TrialRow {
  run: Run;
  /** 1, 2, … in the order the trials were started (across rounds). */
  number: number;
  /** 1-based round (successive halving); 1 for random search and auto. */
  round: number;
  /** Share of the training rows this trial fitted on. */
  fraction: number;
  /** The parent's ranking metric on the validation rows; null until the trial succeeded. */
  score: number | null;
  best: boolean;
}

const scoreOf = (run: Run, metric: string): number | null => {
  const v = run.metrics.validation?.[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Higher-is-better aware: negative when a is better. */
const compareScores = (a: number, b: number, higherIsBetter: boolean) => (higherIsBetter ? b - a : a - b);

/** The trial that is best: the engine's pick once it chose, else the leader so far (in the latest round that has a score). */
export function bestTrialId(rows: readonly Omit<TrialRow, 'best'>[], search: SearchSummary): string | null {
  if (search.bestRunId) return search.bestRunId;
  const scored = rows.filter((r) => r.score !== null);
  if (!scored.length) return null;
  const round = Math.max(...scored.map((r) => r.round));
  return [...scored.filter((r) => r.round === round)].sort((a, b) => compareScores(a.score!, b.score!, search.higherIsBetter))[0]!.run.id;
}

/** Every child of `parent` as a numbered, scored trial; children the summary does not list yet come last. */
export function trialRows(parent: Run, children: readonly Run[]): TrialRow[] {
  const search = parent.search;
  if (!search) return [];
  const byId = new Map(children.map((c) => [c.id, c]));
  const placed: Omit<TrialRow, 'best'>[] = [];
  const seen = new Set<string>();
  search.rounds.forEach((round, r) => {
    for (const id of round.runIds) {
      const run = byId.get(id);
      if (!run || seen.has(id)) continue;
      seen.add(id);
      placed.push({ run, number: placed.length + 1, round: r + 1, fraction: round.fraction, score: scoreOf(run, search.metric) });
    }
  });
  const rest = children.filter((c) => !seen.has(c.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const run of rest) placed.push({ run, number: placed.length + 1, round: search.rounds.length || 1, fraction: 1, score: scoreOf(run, search.metric) });
  const best = bestTrialId(placed, search);
  return placed.map((row) => ({ ...row, best: row.run.id === best }));
}

export type TrialSortKey = 'number' | 'score';
export interface TrialSort {
  key: TrialSortKey;
  /** Number: last first. Score: worst first. */
  reversed: boolean;
}

/** Best score first: what a search's table starts with. */
export const BEST_FIRST: TrialSort = { key: 'score', reversed: false };

/** By trial number, or by score (best first unless reversed); trials without a score always last. */
export function sortTrials(rows: readonly TrialRow[], sort: TrialSort, higherIsBetter: boolean): TrialRow[] {
  const sign = sort.reversed ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'number') return sign * (a.number - b.number);
    if ((a.score === null) !== (b.score === null)) return a.score === null ? 1 : -1;
    if (a.score === null || b.score === null) return a.number - b.number;
    return sign * compareScores(a.score, b.score, higherIsBetter) || a.number - b.number;
  });
}

/** Clicking a header: the same column flips, the other starts at its natural order. */
export function nextTrialSort(current: TrialSort, key: TrialSortKey): TrialSort {
  return current.key === key ? { key, reversed: !current.reversed } : { key, reversed: false };
}

/** The table header's aria-sort: a score sorted best first is descending when higher is better. */
export function trialAriaSort(sort: TrialSort, key: TrialSortKey, higherIsBetter: boolean): 'ascending' | 'descending' | undefined {
  if (sort.key !== key) return undefined;
  const ascending = key === 'number' ? !sort.reversed : higherIsBetter === sort.reversed;
  return ascending ? 'ascending' : 'descending';
}

/** Auto's leaderboard: learners ranked by score (best first), rank 1…; those without a score after, unranked. */
export function leaderboard(rows: readonly TrialRow[], higherIsBetter: boolean): Array<TrialRow & { rank: number | null }> {
  return sortTrials(rows, BEST_FIRST, higherIsBetter).map((row, i) => ({ ...row, rank: row.score === null ? null : i + 1 }));
}

/** The parameters the search varied, as the trial used them (the rest were held fixed). */
export function searchedValues(row: TrialRow, search: SearchSummary): Record<string, unknown> {
  return Object.fromEntries(Object.keys(search.space).map((name) => [name, row.run.params[name]]));
}

/** A tried value as a table reads it: numbers to three significant digits (drawn values have six), 1.97e-4 rather than 0.000197478. */
export function trialValueText(value: unknown): string {
  return paramText(typeof value === 'number' && value !== 0 ? Number(value.toPrecision(3)) : value);
}

export interface ParentProgress {
  /** 0…1 of the whole search's work. */
  fraction: number;
  /** Milliseconds left, or null while too early to say. */
  etaMs: number | null;
  finished: number;
  /** Trials (or learners) the whole search will train, all rounds counted. */
  total: number;
}

const ENDED: ReadonlySet<Run['status']> = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * How far a running search or auto run is: each trial weighted by the share of rows it trains on
 * (halving's later rounds count more), a running trial by its job's progress. Time left is the time
 * so far scaled by the work left; auto never runs past its budget, so that caps both.
 */
export function parentProgress(parent: Run, rows: readonly TrialRow[], jobProgress: (jobId: string) => number | undefined, nowMs: number): ParentProgress {
  const search = parent.search;
  const plan = !search ? [] : search.strategy === 'halving' ? halvingRounds(search.trials) : [{ keep: search.trials, fraction: 1 }];
  const total = plan.reduce((sum, r) => sum + r.keep, 0);
  const work = plan.reduce((sum, r) => sum + r.keep * r.fraction, 0);
  const done = rows.reduce((sum, row) => sum + row.fraction * (ENDED.has(row.run.status) ? 1 : row.run.jobId ? (jobProgress(row.run.jobId) ?? 0) : 0), 0);
  const elapsedMs = Math.max(0, nowMs - Date.parse(parent.createdAt));
  let fraction = work > 0 ? Math.min(1, done / work) : 0;
  const budgetMs = search?.budgetSeconds ? search.budgetSeconds * 1000 : null;
  if (budgetMs) fraction = Math.max(fraction, Math.min(1, elapsedMs / budgetMs));
  let etaMs = fraction > 0.02 && fraction < 1 ? (elapsedMs * (1 - fraction)) / fraction : null;
  if (budgetMs) etaMs = Math.max(0, Math.min(etaMs ?? Infinity, budgetMs - elapsedMs));
  return { fraction, etaMs, finished: rows.filter((r) => ENDED.has(r.run.status)).length, total };
}
