import type { Task } from './types';

/** A task whose module loads when a job of its kind starts, so a worker loads only what its job needs. */
const lazy =
  <M,>(load: () => Promise<M>, pick: (module: M) => Task): Task =>
  async (params, ctx) =>
    pick(await load())(params, ctx);

/**
 * Every kind of work that runs in a worker thread. Each loads on first use: DuckDB, TensorFlow.js,
 * onnxruntime and the PostgreSQL client together cost a worker about half a second of start-up.
 */
export const TASKS = {
  demo: lazy(() => import('./demo'), (m) => m.demoTask as Task),
  'data.import': lazy(() => import('../../data/import-task'), (m) => m.importTask as Task),
  'data.profile': lazy(() => import('../../data/profile-task'), (m) => m.profileTask as Task),
  'data.split': lazy(() => import('../../data/split-task'), (m) => m.splitTask as Task),
  'data.clean': lazy(() => import('../../data/clean-task'), (m) => m.cleanTask as Task),
  'data.analyze': lazy(() => import('../../data/analysis-task'), (m) => m.analysisTask as Task),
  train: lazy(() => import('../../train/train-task'), (m) => m.trainTask as Task),
  'train.explain': lazy(() => import('../../train/explain-row'), (m) => m.explainRowTask as Task),
  'models.export': lazy(() => import('../../package/export-task'), (m) => m.exportTask as Task),
  'models.score': lazy(() => import('../../registry/score-task'), (m) => m.scoreTask as Task),
  'models.package': lazy(() => import('../../registry/package-task'), (m) => m.packageTask as Task),
  deploy: lazy(() => import('../../deploy/deploy-task'), (m) => m.deployTask as Task),
  'deploy.kubernetes': lazy(() => import('../../deploy/kubernetes-task'), (m) => m.kubernetesDeployTask as Task),
} satisfies Record<string, Task>;

export type TaskKind = keyof typeof TASKS;
