import type { DuckDBConnection } from '@duckdb/node-api';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Policy } from '../../../shared/governance/policy';
import type { DriftHeatmap, FeatureHistogram } from '../../../shared/monitor/models';
import { histogram } from '../../../shared/monitor/bins';
import { ident } from '../data/sql';
import { driftByWindow } from './drift-report';
import type { LiveVersion } from './live-version';
import { servedRows } from './served-rows';
import { cutWindows } from './windows';

type Monitoring = Policy['monitoring'];
type WindowChoice = { windowMinutes?: number; windowRows?: number };

/** Drift per feature and window of the live version's served rows (the heatmap's cells). */
export async function driftHeatmap(con: DuckDBConnection, live: LiveVersion, choice: WindowChoice, policy: Monitoring): Promise<DriftHeatmap> {
  const served = await servedRows(con, live.files, String(live.version.version));
  const cut = await cutWindows(con, served.relation, choice, policy.minWindowRows);
  const byWindow = await driftByWindow(con, served, cut, live.reference, policy);
  const names = byWindow[0]?.features ?? [];
  return {
    target: live.target.name,
    model: live.version.model,
    version: live.version.version,
    windows: cut.windows.map((w, i) => ({ ...w, datasetShare: byWindow[i]!.dataset.share, datasetDrifted: byWindow[i]!.dataset.drifted })),
    features: names.map((f, k) => ({
      feature: f.feature,
      test: f.test,
      threshold: f.threshold || byWindow.find((w) => w.features[k]!.threshold)?.features[k]!.threshold || 0,
      cells: byWindow.map((w) => {
        const c = w.features[k]!;
        return { statistic: c.statistic, pValue: c.pValue, drifted: c.drifted, warning: c.warning };
      }),
    })),
  };
}

const shares = (counts: number[]) => {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total ? c / total : 0));
};

/** Categories beyond this many (by reference then served frequency) are summed into "(other)". */
const MAX_CATEGORIES = 12;

/** Which served rows a histogram counts: a span of time (either end open), or one window of a cut. */
export type HistogramRows = { from?: string | null; to?: string | null } | { window: number; choice: WindowChoice; minWindowRows: number };

/**
 * The served rows `rows` picks. A window is found by cutting exactly as the heatmap does, so a slice
 * of rows holds just its rows (a span of time from its first to its last row's time would take in
 * whole requests at its edges).
 */
async function pickedRows(con: DuckDBConnection, live: LiveVersion, rows: HistogramRows): Promise<{ relation: string; columns: Set<string> }> {
  const version = String(live.version.version);
  if (!('window' in rows)) return servedRows(con, live.files, version, rows.from ?? null, rows.to ?? null);
  const served = await servedRows(con, live.files, version);
  const cut = await cutWindows(con, served.relation, rows.choice, rows.minWindowRows);
  if (rows.window >= cut.windows.length) {
    throw new MlcycleError('NOT_FOUND', `There is no window ${rows.window + 1}: this cut of the served rows makes ${cut.windows.length} window${cut.windows.length === 1 ? '' : 's'}.`, { field: 'window' });
  }
  return { relation: `(SELECT * FROM ${cut.windowed} WHERE __window = ${rows.window})`, columns: served.columns };
}

/** One feature's reference and served distributions on the reference's bins (numeric) or categories. */
export async function featureHistogram(con: DuckDBConnection, live: LiveVersion, feature: string, rows: HistogramRows = {}): Promise<FeatureHistogram> {
  const reference = live.reference.features.find((f) => f.name === feature);
  if (!reference) throw new MlcycleError('NOT_FOUND', `${live.version.model} v${live.version.version} has no feature ${feature}: its features are ${live.reference.features.map((f) => f.name).join(', ')}.`, { field: 'feature' });
  const served = await pickedRows(con, live, rows);
  const column = `in_${feature}`;
  const values = served.columns.has(column) ? (await con.runAndReadAll(`SELECT ${ident(column)} FROM ${served.relation} WHERE ${ident(column)} IS NOT NULL`)).getRows().map((r) => (typeof r[0] === 'bigint' ? Number(r[0]) : r[0])) : [];
  if (reference.kind === 'numeric') {
    const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return { feature, kind: 'numeric', edges: reference.edges, categories: [], reference: shares(reference.counts), current: shares(histogram(reference.edges, numbers)), currentRows: numbers.length };
  }
  const counted = new Map<string, number>();
  for (const v of values) counted.set(String(v), (counted.get(String(v)) ?? 0) + 1);
  const ranked = [...new Set([...Object.entries(reference.frequencies).sort((a, b) => b[1] - a[1]).map(([k]) => k), ...[...counted.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k)])];
  const shown = ranked.slice(0, MAX_CATEGORIES);
  const rest = ranked.slice(MAX_CATEGORIES);
  const refCounts = shown.map((c) => reference.frequencies[c] ?? 0);
  const curCounts = shown.map((c) => counted.get(c) ?? 0);
  if (rest.length) {
    shown.push('(other)');
    refCounts.push(rest.reduce((s, c) => s + (reference.frequencies[c] ?? 0), 0));
    curCounts.push(rest.reduce((s, c) => s + (counted.get(c) ?? 0), 0));
  }
  return { feature, kind: 'categorical', edges: [], categories: shown, reference: shares(refCounts), current: shares(curCounts), currentRows: values.length };
}
