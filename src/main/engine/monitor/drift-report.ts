import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../../../shared/governance/policy';
import { chiSquareTest, jensenShannon } from '../../../shared/monitor/drift-stats';
import { datasetDrift, featureDrift, type FeatureDrift } from '../../../shared/monitor/feature-drift';
import { ident } from '../data/sql';
import type { ReferenceProfile } from '../registry/reference-profile';
import type { ServedRows } from './served-rows';
import type { WindowCut } from './windows';

type Monitoring = Policy['monitoring'];
type Value = number | string | null;

export interface PredictionDrift {
  test: 'chisquare' | 'jensenshannon';
  statistic: number;
  pValue: number | null;
  drifted: boolean;
  counts: Record<string, number>;
}

export interface DriftReport {
  rows: number;
  from: string | null;
  to: string | null;
  features: FeatureDrift[];
  dataset: ReturnType<typeof datasetDrift>;
  /** Classification: the predicted labels' distribution against the training predictions'. */
  prediction: PredictionDrift | null;
}

const valueOf = (v: unknown): Value => (typeof v === 'bigint' ? Number(v) : (v as Value));

/** The features of the reference that were served (as `in_<name>` columns). */
const servedFeatures = (reference: ReferenceProfile, served: ServedRows) => reference.features.filter((f) => served.columns.has(`in_${f.name}`));

/** Predicted labels against the training predictions: chi-square on small references, Jensen–Shannon on large (as features). */
function predictionDrift(reference: ReferenceProfile, counted: Map<string, number>, rows: number, policy: Monitoring): PredictionDrift | null {
  if (reference.prediction.kind !== 'classification') return null;
  const { classes, labelCounts } = reference.prediction;
  const current = classes.map((c) => counted.get(c) ?? 0);
  const small = reference.rows <= 1000;
  const test = small ? chiSquareTest(labelCounts, current) : null;
  const statistic = test ? test.statistic : jensenShannon(labelCounts, current);
  return {
    test: small ? 'chisquare' : 'jensenshannon',
    statistic,
    pValue: test?.pValue ?? null,
    drifted: rows >= policy.minWindowRows && (test ? test.pValue < policy.pValue : statistic >= policy.distanceThreshold),
    counts: Object.fromEntries(classes.map((c, k) => [c, current[k]!])),
  };
}

/** Drift of one model version's served rows against the package's reference profile: every feature, the dataset, and the predictions. */
export async function driftReport(con: DuckDBConnection, served: ServedRows, reference: ReferenceProfile, policy: Monitoring, from: string | null, to: string | null): Promise<DriftReport> {
  const features: FeatureDrift[] = [];
  for (const f of servedFeatures(reference, served)) {
    const values = (await con.runAndReadAll(`SELECT ${ident(`in_${f.name}`)} FROM ${served.relation}`)).getRows().map((r) => valueOf(r[0]));
    features.push(featureDrift(f, reference.rows, values, policy));
  }
  let prediction: PredictionDrift | null = null;
  if (served.columns.has('out_label')) {
    const counted = new Map((await con.runAndReadAll(`SELECT "out_label", COUNT(*) FROM ${served.relation} GROUP BY ALL`)).getRows().map((r) => [String(r[0]), Number(r[1])]));
    prediction = predictionDrift(reference, counted, served.rows, policy);
  }
  return { rows: served.rows, from, to, features, dataset: datasetDrift(features, policy), prediction };
}

export interface WindowDrift {
  features: FeatureDrift[];
  dataset: ReturnType<typeof datasetDrift>;
  prediction: PredictionDrift | null;
}

/** The same judgement per window: one FeatureDrift per feature and window (features × windows), each window's dataset and prediction drift. */
export async function driftByWindow(con: DuckDBConnection, served: ServedRows, cut: WindowCut, reference: ReferenceProfile, policy: Monitoring): Promise<WindowDrift[]> {
  const n = cut.windows.length;
  const perWindow: FeatureDrift[][] = Array.from({ length: n }, () => []);
  for (const f of servedFeatures(reference, served)) {
    const buckets: Value[][] = Array.from({ length: n }, () => []);
    for (const [w, v] of (await con.runAndReadAll(`SELECT __window, ${ident(`in_${f.name}`)} FROM ${cut.windowed}`)).getRows()) buckets[Number(w)]?.push(valueOf(v));
    buckets.forEach((values, w) => perWindow[w]!.push(featureDrift(f, reference.rows, values, policy)));
  }
  const labels: Array<Map<string, number>> = Array.from({ length: n }, () => new Map());
  if (served.columns.has('out_label')) {
    for (const [w, label, count] of (await con.runAndReadAll(`SELECT __window, "out_label", COUNT(*) FROM ${cut.windowed} GROUP BY ALL`)).getRows()) labels[Number(w)]?.set(String(label), Number(count));
  }
  return perWindow.map((features, w) => ({
    features,
    dataset: datasetDrift(features, policy),
    prediction: served.columns.has('out_label') ? predictionDrift(reference, labels[w]!, cut.windows[w]!.rows, policy) : null,
  }));
}
