import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';
import type { TrainedModel } from './learner';
import { learnerFor } from './learners';
import { restoreMlp } from './mlp/learner';
import type { Encoding, FittedPipeline } from './pipeline';

export type ModelKindInFile = 'logistic' | 'linear' | 'mlp' | 'gbdt' | 'random_forest';

/** A run's model artifact as train-task.ts writes it: the fitted preprocessing and the learner's state. */
export interface ModelFile {
  model: ModelKindInFile;
  pipeline: FittedPipeline;
  encoding: Encoding;
  state: unknown;
}

export function readModelFile(file: string): ModelFile {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ModelFile> | null;
  if (!parsed?.model || !parsed.pipeline || !parsed.encoding || parsed.state === undefined) throw new MlcycleError('INVALID_ARGUMENT', 'The run’s model file is not an MLCycle model (it lacks model, pipeline, encoding or state).', { field: 'run' });
  return parsed as ModelFile;
}

/** The in-app model, as training left it (the MLP needs its TensorFlow.js backend first). */
export async function restoreModel(file: ModelFile): Promise<TrainedModel> {
  if (file.model === 'mlp') return restoreMlp(file.state as Parameters<typeof restoreMlp>[0]);
  return learnerFor(file.model).learner.restore(file.state);
}
