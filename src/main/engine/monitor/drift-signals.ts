import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../../../shared/governance/policy';
import { driftByWindow } from './drift-report';
import type { LiveVersion } from './live-version';
import { servedRows } from './served-rows';
import { cutWindows } from './windows';

/** One value of a signal in one window, as alert rules read it (structurally the alerts' SignalValue). */
export interface WindowSignal {
  target: string;
  signal: 'drift.share' | 'prediction.drift' | 'rows';
  windowStart: string;
  windowEnd: string;
  value: number;
  rows: number;
  detail?: string;
}

/**
 * Per window of `minutes`: the share of drifted features (with which ones), whether the predictions
 * drifted (1 or 0), and the rows served — what drift rules are evaluated on.
 */
export async function driftSignals(con: DuckDBConnection, live: LiveVersion, minutes: number, policy: Policy['monitoring']): Promise<WindowSignal[]> {
  const served = await servedRows(con, live.files, String(live.version.version));
  if (served.rows === 0) return [];
  const cut = await cutWindows(con, served.relation, { windowMinutes: minutes }, policy.minWindowRows);
  const byWindow = await driftByWindow(con, served, cut, live.reference, policy);
  const target = live.target.name;
  return cut.windows.flatMap((w, i) => {
    if (w.rows === 0) return [];
    const { dataset, prediction } = byWindow[i]!;
    const at = { target, windowStart: w.start, windowEnd: w.end, rows: w.rows };
    return [
      { ...at, signal: 'drift.share' as const, value: dataset.share, detail: `${dataset.driftedFeatures.length} of ${dataset.judged} features drifted${dataset.driftedFeatures.length ? `: ${dataset.driftedFeatures.join(', ')}` : ''}` },
      ...(prediction ? [{ ...at, signal: 'prediction.drift' as const, value: prediction.drifted ? 1 : 0, detail: prediction.test === 'chisquare' ? `chi-square ${prediction.statistic.toPrecision(3)}, p ${prediction.pValue?.toPrecision(2)}` : `Jensen–Shannon distance ${prediction.statistic.toPrecision(3)}` }] : []),
      { ...at, signal: 'rows' as const, value: w.rows },
    ];
  });
}
