import { analysisTask } from '../../data/analysis-task';
import { cleanTask } from '../../data/clean-task';
import { importTask } from '../../data/import-task';
import { profileTask } from '../../data/profile-task';
import { splitTask } from '../../data/split-task';
import { explainRowTask } from '../../train/explain-row';
import { trainTask } from '../../train/train-task';
import { demoTask } from './demo';
import type { Task } from './types';

/** Every kind of work that runs in a worker thread. Later domains register theirs here. */
export const TASKS = {
  demo: demoTask as Task,
  'data.import': importTask as Task,
  'data.profile': profileTask as Task,
  'data.split': splitTask as Task,
  'data.clean': cleanTask as Task,
  'data.analyze': analysisTask as Task,
  train: trainTask as Task,
  'train.explain': explainRowTask as Task,
  // Loaded on first use: onnxruntime's native library and protobufjs cost every other job ~100 MB of RSS.
  'models.export': (async (params, ctx) => (await import('../../package/export-task')).exportTask(params as never, ctx)) as Task,
  'models.score': (async (params, ctx) => (await import('../../registry/score-task')).scoreTask(params as never, ctx)) as Task,
  'models.package': (async (params, ctx) => (await import('../../registry/package-task')).packageTask(params as never, ctx)) as Task,
  deploy: (async (params, ctx) => (await import('../../deploy/deploy-task')).deployTask(params as never, ctx)) as Task,
  'deploy.kubernetes': (async (params, ctx) => (await import('../../deploy/kubernetes-task')).kubernetesDeployTask(params as never, ctx)) as Task,
} satisfies Record<string, Task>;

export type TaskKind = keyof typeof TASKS;
