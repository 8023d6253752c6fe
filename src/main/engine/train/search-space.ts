import { MlcycleError } from '../../../shared/contract/errors';
import type { ModelKind, SearchDimension } from '../../../shared/train/models';
import { seededRandom } from '../data/analysis/rng';

export { halvingRounds } from '../../../shared/train/halving';

/** Where each learner's hyperparameters are worth searching, unless the request says otherwise. */
export const DEFAULT_SPACES: Record<ModelKind, Record<string, SearchDimension>> = {
  logistic: { l2: { min: 1e-6, max: 1, log: true, integer: false } },
  linear: { l2: { min: 1e-8, max: 10, log: true, integer: false } },
  mlp: {
    learningRate: { min: 1e-4, max: 1e-2, log: true, integer: false },
    hidden: { values: ['32', '64', '64,64', '128,64'] },
    dropout: { min: 0, max: 0.4, log: false, integer: false },
    batchSize: { values: [256, 512, 1024] },
  },
  gbdt: {
    learningRate: { min: 0.02, max: 0.3, log: true, integer: false },
    maxDepth: { min: 3, max: 8, log: false, integer: true },
    lambda: { min: 1e-3, max: 10, log: true, integer: false },
    subsample: { min: 0.6, max: 1, log: false, integer: false },
  },
  random_forest: {
    maxDepth: { min: 4, max: 16, log: false, integer: true },
    colsampleByTree: { min: 0.3, max: 1, log: false, integer: false },
  },
};

/** `trials` configurations drawn from the space with a seeded generator: the same seed, the same trials. */
export function sampleConfigs(space: Record<string, SearchDimension>, trials: number, seed: number): Array<Record<string, string | number>> {
  const random = seededRandom(seed ^ 0x5eed);
  return Array.from({ length: trials }, () =>
    Object.fromEntries(
      Object.entries(space).map(([name, d]) => {
        if ('values' in d) return [name, d.values[Math.floor(random() * d.values.length)]!];
        if (d.min > d.max || (d.log && d.min <= 0)) throw new MlcycleError('INVALID_ARGUMENT', `The search range of ${name} is empty or not positive on a log scale (${d.min} … ${d.max}).`, { field: `space.${name}` });
        const u = random();
        const value = d.log ? Math.exp(Math.log(d.min) + u * (Math.log(d.max) - Math.log(d.min))) : d.min + u * (d.max - d.min);
        return [name, d.integer ? Math.round(value) : Number(value.toPrecision(6))];
      }),
    ),
  );
}
