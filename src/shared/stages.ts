/**
 * The lifecycle stages in the order a model lives them. The renderer builds its navigation from this
 * list; a stage whose workspace is not built yet shows `plan` so the page says what it will do.
 */
export interface Stage {
  id: 'objectives' | 'data' | 'train' | 'evaluate' | 'models' | 'deploy' | 'monitor';
  title: string;
  /** One line: the question this stage answers. */
  summary: string;
  /** What the workspace will let you do, shown until it is built. */
  plan: string[];
}

export const STAGES: readonly Stage[] = [
  {
    id: 'objectives',
    title: 'Objectives',
    summary: 'What problem does the model solve, and how will we know it works?',
    plan: [
      'Write the business problem, the decision the model supports and the baseline to beat.',
      'Pick the ML task, target column and primary metric with its threshold.',
      'Name owners per stage and set promotion gates, monitoring defaults and retrain cadence.',
      'Keep a dated decision log linked to datasets, runs and model versions.',
    ],
  },
  {
    id: 'data',
    title: 'Data',
    summary: 'Import, explore, clean and split the data the model learns from.',
    plan: [
      'Import CSV/TSV, Parquet, JSON, SQLite and PostgreSQL tables into versioned Parquet datasets.',
      'Profile every column: types, missing values, histograms, top values, correlations.',
      'Build a replayable cleaning recipe and seeded splits (random, stratified, time, group).',
    ],
  },
  {
    id: 'train',
    title: 'Train',
    summary: 'Fit learners, track every run and search hyperparameters.',
    plan: [
      'Linear/logistic models, an MLP on TensorFlow.js and gradient-boosted trees behind one interface.',
      'Live loss and metric curves, cancel at any time, the same seed gives the same result.',
      'Cross-validation and hyperparameter search over tracked runs.',
    ],
  },
  {
    id: 'evaluate',
    title: 'Evaluate',
    summary: 'Is the model good enough, fair enough and understood?',
    plan: [
      'Metrics, ROC/PR curves, confusion matrix, calibration and residuals.',
      'Slices and fairness against the objective’s bounds.',
      'Permutation importance, partial dependence, run comparison and a model card.',
    ],
  },
  {
    id: 'models',
    title: 'Models',
    summary: 'Package a run as a verified ONNX model and govern its versions.',
    plan: [
      'One ONNX graph with preprocessing inside, checked for parity with the trained model.',
      'Signed packages, versions, champion/challenger aliases and approvals gated by policy.',
    ],
  },
  {
    id: 'deploy',
    title: 'Deploy',
    summary: 'Serve the model locally, on a remote MLCycle server or on Kubernetes.',
    plan: [
      'An Open Inference Protocol v2 server on ONNX Runtime with Prometheus metrics.',
      'One-click local deploy; publish to a remote server or a Kubernetes/KServe cluster.',
    ],
  },
  {
    id: 'monitor',
    title: 'Monitor',
    summary: 'Watch drift, accuracy and health in production, and retrain when they slip.',
    plan: [
      'Per-feature and prediction drift against the training reference.',
      'Performance once labels arrive, latency and error health, alert rules.',
      'A retrain → compare → promote loop.',
    ],
  },
];

export type StageId = Stage['id'];
