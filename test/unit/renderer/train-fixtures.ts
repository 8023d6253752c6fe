import type { LearnerInfo } from '../../../src/shared/train/learners';
import { MODEL_KINDS, MODEL_LABELS, type Run } from '../../../src/shared/train/models';
import { LEARNER_ABOUT } from '../../../src/main/engine/train/learner-specs';
import { DEFAULT_SPACES } from '../../../src/main/engine/train/search-space';

/** What `train.learners` answers, built from the engine's own tables (tests run where the engine does). */
export const LEARNERS: LearnerInfo[] = MODEL_KINDS.map((kind) => ({
  kind,
  label: MODEL_LABELS[kind],
  ...LEARNER_ABOUT[kind],
  available: true,
  tasks: kind === 'linear' ? ['regression'] : kind === 'logistic' ? ['binary', 'multiclass'] : ['binary', 'multiclass', 'regression'],
  searchSpace: DEFAULT_SPACES[kind],
}));

/** A finished run with just what the table and the comparison read; the rest at plain values. */
export function run(id: string, change: Partial<Run> & { test?: Record<string, number | null> } = {}): Run {
  const { test, ...rest } = change;
  return {
    id,
    name: id,
    status: 'succeeded',
    model: 'logistic',
    task: 'binary',
    params: {},
    versionId: 'v1',
    dataset: 'churn@1',
    splitId: 'split-1',
    target: 'churned',
    features: ['a', 'b'],
    seed: 42,
    backend: 'JavaScript (1 thread)',
    rows: { train: 80, test: 20 },
    metrics: { train: null, validation: null, test: test ?? null },
    curves: [],
    crossValidation: null,
    search: null,
    modelSha256: null,
    modelBytes: 1000,
    latencyMsPerRow: 0.001,
    durationSeconds: 1,
    jobId: null,
    parentRunId: null,
    error: null,
    createdAt: '2026-11-26T08:00:00.000Z',
    createdBy: 'ana',
    ...rest,
  };
}

