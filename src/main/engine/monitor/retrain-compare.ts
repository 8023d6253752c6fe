import { DuckDBInstance } from '../duckdb';
import type { RetrainComparison } from '../../../shared/monitor/retrain';
import { ident, lit } from '../data/sql';
import { metricOn } from './performance-metric';

/** One model's scores of the held-out rows: the models.score output file, and the classes of its signature (null: regression). */
export interface ScoredHoldout {
  file: string;
  classes: string[] | null;
}

type Row = Record<string, unknown>;

/** The metric of one model on the rows, from its class probabilities (in its own class order) or its predictions. */
function metricOf(rows: Row[], prefix: string, classes: string[] | null, metric: string): number | null {
  if (!classes) return metricOn({ task: 'regression' }, metric, { y: rows.map((r) => Number(r.__label)), predictions: rows.map((r) => Number(r[`${prefix}prediction`])) });
  const predictions = rows.flatMap((r) => classes.map((c) => Number(r[`${prefix}p_${c}`])));
  return metricOn({ task: classes.length === 2 ? 'binary' : 'multiclass', classes }, metric, { y: rows.map((r) => classes.indexOf(String(r.__label))), predictions });
}

/**
 * Champion and challenger on the same held-out rows, with the same metric function the runs'
 * evaluation uses. Rows either model could not score, and (for classifiers) rows whose label is
 * not a class of both, are left out of both, so the two values describe the same rows.
 */
export async function compareOnHoldout(
  holdoutFile: string,
  champion: ScoredHoldout,
  challenger: ScoredHoldout,
  metric: { metric: string; higherIsBetter: boolean },
  window: { from: string; to: string },
): Promise<RetrainComparison> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  let rows: Row[];
  try {
    const cols = (file: string) => `(SELECT * FROM read_parquet(${lit(file)}))`;
    const scored = (alias: string) => `COALESCE(CAST(${alias}.error AS VARCHAR), '') = ''`;
    const outputs = (alias: string, s: ScoredHoldout) =>
      (s.classes ? s.classes.map((c) => `p_${c}`) : ['prediction']).map((name) => `${alias}.${ident(name)} AS ${ident(`${alias}_${name}`)}`).join(', ');
    const reader = await con.runAndReadAll(`
      SELECT h.holdout_row, h.__label, ${outputs('a', champion)}, ${outputs('b', challenger)}
      FROM ${cols(holdoutFile)} h JOIN ${cols(champion.file)} a USING (holdout_row) JOIN ${cols(challenger.file)} b USING (holdout_row)
      WHERE ${scored('a')} AND ${scored('b')} ORDER BY h.holdout_row`);
    rows = reader.getRowObjects() as Row[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  if (champion.classes && challenger.classes) {
    const both = new Set(champion.classes.filter((c) => challenger.classes!.includes(c)));
    rows = rows.filter((r) => both.has(String(r.__label)));
  }
  const a = metricOf(rows, 'a_', champion.classes, metric.metric);
  const b = metricOf(rows, 'b_', challenger.classes, metric.metric);
  const better = a !== null && b !== null && (metric.higherIsBetter ? b > a : b < a);
  return { ...metric, champion: a, challenger: b, rows: rows.length, ...window, winner: a === null || b === null ? 'undecided' : better ? 'challenger' : 'champion' };
}
