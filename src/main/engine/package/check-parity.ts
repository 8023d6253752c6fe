import { DuckDBInstance } from '../duckdb';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ParityReport } from '../../../shared/package/models';
import { ident, lit } from '../data/sql';
import { transform } from '../train/pipeline';
import type { ExportedGraph } from './export-onnx';
import type { ModelFile } from '../train/model-file';
import { restoreModel } from '../train/model-file';
import { scoreOnnx } from './onnx-scores';
import { compareParity } from './parity';
import { readScoringRows, splitRowsSql } from './scoring-rows';

/** Where the rows come from: the run's dataset version and its split assignment (row → set). */
export interface ParityData {
  versionFile: string;
  splitFile: string;
}

const SETS_TO_SCORE: ParityReport['set'][] = ['test', 'validation', 'train'];

/**
 * Scores the run's test rows (else validation, else training rows) through the graph with
 * onnxruntime and through the in-app model restored from `file`, and compares them.
 */
export async function checkParity(file: ModelFile, graph: ExportedGraph, data: ParityData, progress: (fraction: number, phase: string) => void = () => {}): Promise<ParityReport> {
  const p = file.pipeline;
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    progress(0, 'reading the rows to check parity on');
    await con.run(`CREATE TABLE d AS ${splitRowsSql(p, data)} WHERE v.${ident(p.target.name)} IS NOT NULL`);
    const counts = new Map((await con.runAndReadAll('SELECT set, COUNT(*) FROM d GROUP BY set')).getRows().map(([set, n]) => [String(set), Number(n)]));
    const set = SETS_TO_SCORE.find((s) => (counts.get(s) ?? 0) > 0);
    if (!set) throw new MlcycleError('INVALID_ARGUMENT', 'The run has no labelled rows to check parity on.', { field: 'run' });
    const rows = await readScoringRows(con, `(SELECT * FROM d WHERE set = ${lit(set)})`, p);
    progress(0.3, `in-app predictions on ${rows.encoded.rows.toLocaleString('en')} ${set} rows`);
    const model = await restoreModel(file);
    const inApp = model.predict(transform(p, rows.encoded.inputs, rows.encoded.rows, file.encoding));
    progress(0.6, 'scoring through onnxruntime');
    const onnx = await scoreOnnx(graph.bytes, graph.inputs, p, rows);
    progress(0.9, 'comparing');
    return compareParity(set, inApp, onnx, p.target.classes, rows.encoded.rowNumbers);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
