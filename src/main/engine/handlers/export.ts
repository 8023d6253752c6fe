import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../context';

export const exportHandlers = {
  /** Checks what can be checked at once (a finished run with a model and split, a folder to write into), then starts the export job. */
  'models.export': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const run = store.runs.get(args.run);
    if (run.status !== 'succeeded' || !run.modelSha256) throw new MlcycleError('INVALID_ARGUMENT', `Run ${run.name} is ${run.status}; only a finished run with a model can be exported.`, { field: 'run' });
    if (!run.splitId) throw new MlcycleError('INVALID_ARGUMENT', `Run ${run.name} has no saved split, so there are no test rows to check the export's parity on.`, { field: 'run' });
    const out = path.resolve(args.out);
    if (!fs.statSync(path.dirname(out), { throwIfNoEntry: false })?.isDirectory()) throw new MlcycleError('INVALID_ARGUMENT', `Cannot write ${out}: the folder ${path.dirname(out)} does not exist.`, { field: 'out' });
    if (fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new MlcycleError('INVALID_ARGUMENT', `${out} is a folder; name the .onnx file to write.`, { field: 'out' });
    const version = store.datasets.resolve(run.versionId).version;
    const split = store.splits.resolve(run.splitId);
    return jobs.start(
      'models.export',
      { modelFile: store.artifacts.pathOf(run.modelSha256), versionFile: store.artifacts.pathOf(version.sha256), splitFile: store.artifacts.pathOf(split.sha256), out, run: { id: run.id, name: run.name, model: run.model, task: run.task } },
      `Export ${run.name} to ONNX`,
    );
  },
} satisfies Partial<HandlerMap>;
