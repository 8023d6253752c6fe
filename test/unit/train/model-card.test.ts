import { describe, expect, it } from 'vitest';
import { Objective } from '../../../src/shared/governance/objective';
import { modelCard } from '../../../src/shared/train/model-card';
import type { Run } from '../../../src/shared/train/models';

const run = {
  id: 'r1', name: 'churn-logistic', status: 'succeeded', model: 'logistic', task: 'binary', params: { l2: 0.01 }, versionId: 'v1', dataset: 'churn@2', splitId: 's1', target: 'churned', features: ['age', 'plan'], seed: 42, backend: 'JavaScript (1 thread)',
  rows: { train: 800, validation: 0, test: 200 }, metrics: { train: { roc_auc: 0.91 }, validation: null, test: { roc_auc: 0.87 } }, curves: [], crossValidation: null, search: null,
  modelSha256: 'abc', modelBytes: 1234, latencyMsPerRow: 0.001, durationSeconds: 1.5, jobId: 'j1', parentRunId: null, error: null, createdAt: '2026-11-26T00:00:00Z', createdBy: 'ada',
} satisfies Run;

describe('model card draft', () => {
  it('states the intended use, the data, metrics per set, and whether the success criterion is met', () => {
    const objective = Objective.parse({ problem: 'Customers leave without warning.', decision: 'Who gets a retention call.', task: 'binary', target: 'churned', primaryMetric: { metric: 'roc_auc', threshold: 0.9 } });
    const card = modelCard(run, null, objective);
    expect(card).toContain('# Model card: churn-logistic');
    expect(card).toContain('Customers leave without warning.');
    expect(card).toContain('| ROC AUC | 0.9100 | — | 0.8700 |');
    // 0.87 on the test split falls short of ≥ 0.9
    expect(card).toContain('roc_auc ≥ 0.9 on the test split — **not met** (0.8700)');
    expect(card).toMatch(/Not assessed: name sensitive columns/);
  });

  it('asks for what only a person can write when the objective is empty', () => {
    expect(modelCard(run, null, null)).toMatch(/_To write: the problem this model serves/);
  });
});
