import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '../../../shared/package/models';
import { timedPhases } from '../jobs/tasks/phases';
import type { Task } from '../jobs/tasks/types';
import { temporaryName } from '../store/artifacts';
import { checkParity, type ParityData } from './check-parity';
import { exportOnnx } from './export-onnx';
import { readModelFile } from '../train/model-file';

export interface ExportParams extends ParityData {
  modelFile: string;
  /** Absolute path of the .onnx file to write. */
  out: string;
  run: ExportResult['run'];
}

/** Writes through a temporary file in the same folder, so a reader never sees half a graph. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), temporaryName('export', '.onnx'));
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Worker task: the run's model and fitted preprocessing as one ONNX graph, written to `out`, then
 * its parity with the in-app model (check-parity.ts). A failed parity is the result's verdict, not
 * an error, so the caller sees the worst rows; the file stays for inspection.
 */
export const exportTask: Task<ExportParams, ExportResult> = async (params, ctx) => {
  const phases = timedPhases(ctx);
  phases.phase(0.02, 'building the ONNX graph');
  const started = performance.now();
  const file = readModelFile(params.modelFile);
  const graph = exportOnnx(file, params.run);
  writeAtomically(params.out, graph.bytes);
  const exportSeconds = (performance.now() - started) / 1000;
  const parityStarted = performance.now();
  const parity = await checkParity(file, graph, params, (f, phase) => phases.phase(0.1 + 0.9 * f, phase));
  phases.end();
  ctx.log(`parity ${parity.passed ? 'passed' : 'FAILED'} on ${parity.rows} ${parity.set} rows: max |difference| ${parity.maxAbsDiff.toExponential(2)}, ${parity.labelMismatches} label mismatches, ${parity.rowsOutOfTolerance} rows beyond ${parity.tolerance}`, parity.passed ? 'info' : 'error');
  return {
    file: params.out,
    bytes: graph.bytes.length,
    sha256: createHash('sha256').update(graph.bytes).digest('hex'),
    run: params.run,
    inputs: graph.inputs,
    outputs: graph.outputs,
    classes: file.pipeline.target.classes,
    parity,
    seconds: { export: exportSeconds, parity: (performance.now() - parityStarted) / 1000 },
  };
};
