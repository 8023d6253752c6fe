import type { DuckDBConnection } from '@duckdb/node-api';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Policy } from '../../../shared/governance/policy';
import { chiSquareTest, jensenShannon } from '../../../shared/monitor/drift-stats';
import { datasetDrift, featureDrift, type FeatureDrift } from '../../../shared/monitor/feature-drift';
import { ident, lit } from '../data/sql';
import type { ReferenceProfile } from '../registry/reference-profile';

export interface DriftReport {
  rows: number;
  from: string | null;
  to: string | null;
  features: FeatureDrift[];
  dataset: ReturnType<typeof datasetDrift>;
  /** Classification: the predicted labels' distribution against the training predictions'. */
  prediction: { test: 'chisquare' | 'jensenshannon'; statistic: number; pValue: number | null; drifted: boolean; counts: Record<string, number> } | null;
}

/**
 * Drift of one model version's served rows (from the collected Parquet files, between `from` and
 * `to`) against the package's reference profile: every feature, the dataset, and the predictions.
 */
export async function driftReport(con: DuckDBConnection, files: string[], version: string, reference: ReferenceProfile, policy: Policy['monitoring'], from: string | null, to: string | null): Promise<DriftReport> {
  if (files.length === 0) throw new MlcycleError('NOT_FOUND', 'Nothing collected for this deployment yet: run monitor collect first.', { field: 'target' });
  // `at` is a keyword in DuckDB's grammar: every column is quoted.
  const [versionCol, atCol] = [ident('version'), ident('at')];
  const where = [`${versionCol} = ${lit(version)}`, ...(from ? [`${atCol} >= ${lit(from)}`] : []), ...(to ? [`${atCol} < ${lit(to)}`] : [])].join(' AND ');
  const relation = `(SELECT * FROM read_parquet([${files.map(lit).join(', ')}], union_by_name = true) WHERE ${where})`;
  const columns = new Set((await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjects().map((r) => String(r.column_name)));
  const rows = Number((await con.runAndReadAll(`SELECT COUNT(*) FROM ${relation}`)).getRows()[0]![0]);
  const features: FeatureDrift[] = [];
  for (const f of reference.features) {
    const column = `in_${f.name}`;
    if (!columns.has(column)) continue;
    const values = (await con.runAndReadAll(`SELECT ${ident(column)} FROM ${relation}`)).getRows().map((r) => (typeof r[0] === 'bigint' ? Number(r[0]) : (r[0] as number | string | null)));
    features.push(featureDrift(f, reference.rows, values, policy));
  }
  let prediction: DriftReport['prediction'] = null;
  if (reference.prediction.kind === 'classification' && columns.has('out_label')) {
    const { classes, labelCounts } = reference.prediction;
    const counted = new Map((await con.runAndReadAll(`SELECT "out_label", COUNT(*) FROM ${relation} GROUP BY ALL`)).getRows().map((r) => [String(r[0]), Number(r[1])]));
    const current = classes.map((c) => counted.get(c) ?? 0);
    const small = reference.rows <= 1000;
    const test = small ? chiSquareTest(labelCounts, current) : null;
    const statistic = test ? test.statistic : jensenShannon(labelCounts, current);
    prediction = {
      test: small ? 'chisquare' : 'jensenshannon',
      statistic,
      pValue: test?.pValue ?? null,
      drifted: rows >= policy.minWindowRows && (test ? test.pValue < policy.pValue : statistic >= policy.distanceThreshold),
      counts: Object.fromEntries(classes.map((c, k) => [c, current[k]!])),
    };
  }
  return { rows, from, to, features, dataset: datasetDrift(features, policy), prediction };
}
