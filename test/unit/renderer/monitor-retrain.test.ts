import { describe, expect, it } from 'vitest';
import type { RetrainOutcome } from '../../../src/shared/monitor/retrain';
import { comparisonWords, dataWords, retrainHeadline } from '../../../src/renderer/src/lib/monitor-retrain';

const outcome = (over: Partial<RetrainOutcome>): RetrainOutcome => ({
  target: 'laptop',
  champion: { model: 'churn', version: 1 },
  datasetVersionId: 'dv',
  dataset: 'churn@2',
  splitId: 's',
  runId: 'r',
  challenger: { model: 'churn', version: 2 },
  rows: { labeled: 600, training: 480, heldOut: 120, original: 3000 },
  comparison: { metric: 'roc_auc', higherIsBetter: true, champion: 0.91234, challenger: 0.95, rows: 120, from: '2024-05-01T14:00:00Z', to: '2024-05-01T14:05:00Z', winner: 'challenger' },
  promoted: true,
  gatesFailed: [],
  deploymentId: 'd',
  outcome: 'redeployed',
  steps: [],
  ...over,
});

describe('a retrain outcome in words', () => {
  it('says where the loop stopped', () => {
    expect(retrainHeadline(outcome({}))).toBe('churn v2 was promoted to champion and now serves on laptop.');
    expect(retrainHeadline(outcome({ outcome: 'champion kept', promoted: false }))).toBe('churn v1 stays the champion: the challenger churn v2 was not better on the recent labeled rows.');
    expect(retrainHeadline(outcome({ outcome: 'awaiting gates', promoted: false, gatesFailed: ['approval by the model owner'] }))).toBe(
      'The challenger churn v2 won, but the promotion gates held it back: approval by the model owner.',
    );
    expect(retrainHeadline(outcome({ outcome: 'redeploy failed' }))).toBe('churn v2 was promoted to champion, but the redeploy to laptop failed; churn v1 still serves there.');
    expect(retrainHeadline(outcome({ outcome: 'promoted' }))).toContain('laptop still serves churn v1');
  });

  it('compares champion and challenger on the same held-out rows', () => {
    expect(comparisonWords(outcome({}).comparison)).toBe('On the 120 held-out labeled rows, roc_auc: champion 0.912, challenger 0.95 — the challenger wins (higher is better).');
    const undecided = { ...outcome({}).comparison, champion: null, challenger: null, winner: 'undecided' as const };
    expect(comparisonWords(undecided)).toBe('On the 120 held-out labeled rows, roc_auc: champion undefined, challenger undefined — undecided: roc_auc is not defined on these rows.');
  });

  it('says what the challenger learned from and what was held out', () => {
    expect(dataWords(outcome({}))).toBe('Trained on 480 labeled served rows plus 3,000 rows of the champion’s training data (dataset churn@2); the newest 120 of 600 labeled rows were held out to compare on.');
    expect(dataWords(outcome({ rows: { labeled: 600, training: 480, heldOut: 120, original: 0 } }))).not.toContain('training data');
  });
});
