import path from 'node:path';
import type { Command } from 'commander';
import type { ExportResult } from '../../../shared/package/models';
import { emit, table, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { completed } from './data';

const num = (v: number | null) => (v === null ? 'NaN' : v.toPrecision(7));
const values = (v: Array<number | null>) => v.map(num).join(', ');

/** The export in words: the file, its inputs and outputs, and the parity verdict with the worst rows when it failed. */
export function describeExport(r: ExportResult): string {
  const p = r.parity;
  const lines = [
    `${r.file}: ${r.bytes.toLocaleString('en')} bytes, sha256 ${r.sha256}`,
    `inputs: ${r.inputs.map((i) => `${i.name} (${i.type}${i.name === i.column ? '' : `, column ${i.column}`})`).join(', ')}`,
    `outputs: ${r.outputs.join(', ')}${r.classes ? ` (classes ${r.classes.join(', ')})` : ''}`,
    `parity on ${p.rows.toLocaleString('en')} ${p.set} rows: ${p.passed ? 'passed' : 'FAILED'} — max |difference| ${p.maxAbsDiff.toExponential(2)} (tolerance ${p.tolerance}), ${p.labelMismatches} label mismatches, ${p.rowsOutOfTolerance} rows beyond the tolerance`,
    `exported in ${r.seconds.export.toFixed(2)} s, parity checked in ${r.seconds.parity.toFixed(2)} s`,
  ];
  if (!p.passed && p.worst.length) {
    lines.push('', 'largest differences');
    lines.push(table([['ROW', 'IN-APP', 'ONNX', 'DIFF', 'LABELS'], ...p.worst.map((w) => [String(w.row), values(w.inApp), values(w.onnx), w.diff.toExponential(2), w.inAppLabel === null ? '' : `${w.inAppLabel} / ${w.onnxLabel}`])]));
  }
  return lines.join('\n');
}

/** `mlcycle export <run> --out model.onnx`: exit status 1 when parity fails (the file is still written). */
export function registerExport(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('export')
    .description("Export a run's model with its preprocessing as one ONNX graph and check parity with the in-app model on the test rows; exit 1 if parity fails")
    .argument('<run>', 'run id or name')
    .requiredOption('--out <file>', 'the .onnx file to write')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {file, bytes, sha256, run, inputs, outputs, classes, parity: {set, rows, tolerance, maxAbsDiff, labelMismatches, rowsOutOfTolerance, passed, worst}, seconds}')
    .action((ref: string, opts: { out: string; project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const job = await client.call('models.export', { run: ref, out: path.resolve(io.cwd, opts.out) });
            const done = await completed(client, job, io, Boolean(opts.json));
            if (!done) return 1;
            const result = done.result as ExportResult;
            emit(io, opts.json, result, () => describeExport(result));
            if (!result.parity.passed) io.err(`mlcycle: parity FAILED: the exported graph differs from the in-app model (${result.parity.labelMismatches} label mismatches, ${result.parity.rowsOutOfTolerance} rows beyond ${result.parity.tolerance})\n`);
            return result.parity.passed ? 0 : 1;
          }),
        opts.json,
      ),
    );
}
