import { describe, expect, it } from 'vitest';
import { rawColumnOfFeature } from '../../../src/main/engine/train/explain-row';
import type { FittedPipeline } from '../../../src/main/engine/train/pipeline';

describe('explain-row: model features back to raw columns', () => {
  const pipeline: FittedPipeline = {
    task: 'binary',
    target: { name: 'y', classes: ['no', 'yes'] },
    numeric: [
      { name: 'age', impute: 40, mean: 40, std: 10 },
      { name: 'income', impute: 5, mean: 5, std: 2 },
    ],
    categorical: [
      { name: 'city', levels: ['a', 'b'] },
      { name: 'plan', levels: ['x'] },
    ],
    impute: 'mean',
    maxLevels: 50,
  };

  it('trees (ordinal): one feature per column', () => {
    expect(rawColumnOfFeature(pipeline, 'ordinal')).toEqual([0, 1, 2, 3]);
  });

  it('one-hot: each categorical column owns its levels and its "other" feature', () => {
    // age, income, city=a, city=b, city=(other), plan=x, plan=(other)
    expect(rawColumnOfFeature(pipeline, 'onehot')).toEqual([0, 1, 2, 2, 2, 3, 3]);
  });
});
