import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { EngineContext, HandlerMap } from '../context';

/** A finished run with a model and a saved split: what export and packaging both need. */
export function exportable(ctx: EngineContext, ref: string) {
  const { store } = ctx.session.require();
  const run = store.runs.get(ref);
  if (run.status !== 'succeeded' || !run.modelSha256) throw new MlcycleError('INVALID_ARGUMENT', `Run ${run.name} is ${run.status}; only a finished run with a model can be exported.`, { field: 'run' });
  if (!run.splitId) throw new MlcycleError('INVALID_ARGUMENT', `Run ${run.name} has no saved split, so there are no test rows to check the export's parity on.`, { field: 'run' });
  const version = store.datasets.resolve(run.versionId).version;
  const split = store.splits.resolve(run.splitId);
  return { run, modelFile: store.artifacts.pathOf(run.modelSha256), versionFile: store.artifacts.pathOf(version.sha256), splitFile: store.artifacts.pathOf(split.sha256) };
}

/** Refuses an output path whose folder does not exist, before a job starts. */
export function requireParentFolder(out: string): void {
  if (!fs.statSync(path.dirname(out), { throwIfNoEntry: false })?.isDirectory()) throw new MlcycleError('INVALID_ARGUMENT', `Cannot write ${out}: the folder ${path.dirname(out)} does not exist.`, { field: 'out' });
}

/** Checks the input and output paths, then starts a models.score job over the package at `packagePath`. */
export function startScore(ctx: EngineContext, packagePath: string, args: { input: string; out: string; id?: string }, packageLabel: string) {
  const { jobs } = ctx.session.require();
  const [input, out] = [path.resolve(args.input), path.resolve(args.out)];
  if (!fs.existsSync(input)) throw new MlcycleError('NOT_FOUND', `${input} does not exist.`, { field: 'input' });
  if (!/\.(csv|parquet)$/i.test(out)) throw new MlcycleError('INVALID_ARGUMENT', `${out}: write the scores to a .csv or .parquet file.`, { field: 'out' });
  requireParentFolder(out);
  return jobs.start('models.score', { packagePath, input, out, idColumn: args.id ?? null, homeDir: ctx.homeDir }, `Score ${path.basename(input)} with ${packageLabel}`);
}

export const exportHandlers = {
  /** Checks what can be checked at once (a finished run with a model and split, a folder to write into), then starts the export job. */
  'models.export': (args, ctx) => {
    const { jobs } = ctx.session.require();
    const { run, modelFile, versionFile, splitFile } = exportable(ctx, args.run);
    const out = path.resolve(args.out);
    requireParentFolder(out);
    if (fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new MlcycleError('INVALID_ARGUMENT', `${out} is a folder; name the .onnx file to write.`, { field: 'out' });
    return jobs.start('models.export', { modelFile, versionFile, splitFile, out, run: { id: run.id, name: run.name, model: run.model, task: run.task } }, `Export ${run.name} to ONNX`);
  },
  'models.package': (args, ctx) => {
    const { jobs, store } = ctx.session.require();
    const { run, modelFile, versionFile, splitFile } = exportable(ctx, args.run);
    const out = path.resolve(args.out);
    requireParentFolder(out);
    const existing = fs.statSync(out, { throwIfNoEntry: false });
    if (existing && (existing.isFile() || fs.readdirSync(out).length > 0)) throw new MlcycleError('CONFLICT', `${out} already exists: name a new folder or .mlpkg file.`, { field: 'out' });
    const params = { modelFile, versionFile, splitFile, out, run, evaluation: store.runs.evaluation(run.id), objective: store.objective.current().value, homeDir: ctx.homeDir };
    return jobs.start('models.package', params, `Package ${run.name}`);
  },
  'models.score': (args, ctx) => startScore(ctx, path.resolve(args.package), args, path.basename(args.package)),
} satisfies Partial<HandlerMap>;
