import path from 'node:path';
import type { Command } from 'commander';
import type { PackageResult, ScoreResult } from '../../../shared/package/models';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { completed } from './data';
import { registerPackageVerify } from './keys';

function describePackage(r: PackageResult): string {
  const p = r.parity;
  return [
    `Packaged ${r.out}, signed with key ${r.signer}:`,
    ...r.files.map((f) => `  ${f.path.padEnd(24)} ${f.bytes.toLocaleString('en').padStart(12)} bytes  sha256 ${f.sha256.slice(0, 16)}…`),
    `parity on ${p.rows.toLocaleString('en')} ${p.set} rows passed: max |difference| ${p.maxAbsDiff.toExponential(2)}, no label mismatches.`,
    `Check it anywhere with: mlcycle package verify ${r.out}`,
  ].join('\n');
}

/** `mlcycle package <run> --out <dir|file.mlpkg>` and `mlcycle package verify <pkg>`. */
export function registerPackage(program: Command, io: CliIo, run: RunCommand): void {
  const pkg = program
    .command('package')
    .description("Write a run's signed model package (a folder, or one .mlpkg file): model.onnx after parity passes, signature, reference profile, metrics, model card, README, signed manifest; or verify one")
    .argument('[run]', 'run id or name')
    .option('--out <dir|file.mlpkg>', 'the new folder, or a file name ending in .mlpkg')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {out, files: [{path, sha256, bytes}], signer, parity, inputs, classes}')
    .action((ref: string | undefined, opts: { out?: string; project?: string; json?: boolean }) =>
      run(async () => {
        if (!ref) throw new UsageError('name the run to package: mlcycle package <run> --out <dir|file.mlpkg>');
        if (!opts.out) throw new UsageError("name where to write the package with --out (a new folder, or a file ending in .mlpkg)");
        return withProject(io, opts.project, async (client) => {
          const job = await client.call('models.package', { run: ref, out: path.resolve(io.cwd, opts.out!) });
          const done = await completed(client, job, io, Boolean(opts.json));
          if (!done) return 1;
          const result = done.result as PackageResult;
          emit(io, opts.json, result, () => describePackage(result));
        });
      }, opts.json),
    );
  registerPackageVerify(pkg, io, run);
}

/** `mlcycle score <package> <input> --out <file>`: batch predictions through a verified package. */
export function registerScore(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('score')
    .description('Score a CSV or Parquet file through a verified package (folder or .mlpkg): one output row per input row, in order; rows with a non-number in a numeric column are reported, not fatal')
    .argument('<package>', 'package folder or .mlpkg file')
    .argument('<input>', '.csv or .parquet file with the columns the model needs')
    .requiredOption('--out <file>', '.csv or .parquet file to write')
    .option('--id <column>', 'a column to copy beside each prediction')
    .option('--project <dir>', 'project folder that records the job (default: current folder)')
    .option('--json', 'print {out, rows, scored, invalid, rejectSample: [{row, reason}], seconds, rowsPerSecond}')
    .action((pkg: string, input: string, opts: { out: string; id?: string; project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const job = await client.call('models.score', { package: path.resolve(io.cwd, pkg), input: path.resolve(io.cwd, input), out: path.resolve(io.cwd, opts.out), ...(opts.id ? { id: opts.id } : {}) });
            const done = await completed(client, job, io, Boolean(opts.json));
            if (!done) return 1;
            const r = done.result as ScoreResult;
            emit(io, opts.json, r, () =>
              [
                `Scored ${r.scored.toLocaleString('en')} of ${r.rows.toLocaleString('en')} rows into ${r.out} in ${r.seconds.toFixed(2)} s (${Math.round(r.rowsPerSecond).toLocaleString('en')} rows/s).`,
                ...(r.invalid ? [`${r.invalid.toLocaleString('en')} rows had invalid values and no prediction (see the error column), e.g. ${r.rejectSample.slice(0, 3).map((x) => `row ${x.row}: ${x.reason}`).join('; ')}.`] : []),
              ].join('\n'),
            );
          }),
        opts.json,
      ),
    );
}
