import type { ModelKind } from '../../../shared/train/models';
import type { ChoiceParamSpec, LayersParamSpec, NumberParamSpec, ParamSpec } from '../../../shared/train/learners';
import { choiceParam, numberParam } from './params';

/**
 * Every learner's hyperparameters in one table: default, range and the words the New run form
 * shows. Each learner's `parameters()` reads its defaults and ranges from here (specNumber,
 * specChoice), and `train.learners` sends the same specs to the UI, so the two cannot drift apart.
 * Parameters left out (tree growth mode, histogram bins, threads, …) keep their code defaults and
 * are for the CLI.
 */

type Words = { label: string; hint: string };
const num = (name: string, words: Words, value: number, range: { min: number; max: number; integer?: boolean }): NumberParamSpec => ({ kind: 'number', name, ...words, default: value, min: range.min, max: range.max, integer: range.integer ?? false });
const whole = (min: number, max: number) => ({ min, max, integer: true });
const choice = (name: string, words: Words, value: string, choices: string[]): ChoiceParamSpec => ({ kind: 'choice', name, ...words, default: value, choices });

/** A number hyperparameter, its default and range from its spec; `fallback` where the default depends on another one. */
export function specNumber(raw: Record<string, unknown>, spec: NumberParamSpec, fallback = spec.default): number {
  return numberParam(raw, spec.name, fallback, spec);
}

export function specChoice<T extends string>(raw: Record<string, unknown>, spec: ChoiceParamSpec): T {
  return choiceParam(raw, spec.name, spec.default as T, spec.choices as T[]);
}

const l2 = (value: number) => num('l2', { label: 'L2 penalty (λ)', hint: 'Larger shrinks the weights: less overfitting, but a looser fit.' }, value, { min: 0, max: 1e6 });

export const LOGISTIC_SPECS = {
  l2: l2(1e-4),
  maxIterations: num('maxIterations', { label: 'Max iterations', hint: 'L-BFGS steps at most; the curve shows each one.' }, 200, whole(1, 100_000)),
  tolerance: num('tolerance', { label: 'Tolerance', hint: 'Stops once the loss improves by less than this, relatively.' }, 1e-6, { min: 0, max: 1 }),
};

export const LINEAR_SPECS = { l2: l2(1e-6) };

export const MLP_SPECS = {
  hidden: { kind: 'layers', name: 'hidden', label: 'Hidden layers', hint: 'Units per layer, comma-separated (up to 8 layers).', default: '64,64' } satisfies LayersParamSpec,
  activation: choice('activation', { label: 'Activation', hint: 'The non-linearity between layers.' }, 'relu', ['relu', 'tanh', 'sigmoid', 'elu']),
  optimizer: choice('optimizer', { label: 'Optimizer', hint: 'How the weights are updated.' }, 'adam', ['adam', 'sgd', 'rmsprop']),
  learningRate: num('learningRate', { label: 'Learning rate', hint: 'Step size of each update.' }, 0.001, { min: 1e-6, max: 10 }),
  batchSize: num('batchSize', { label: 'Batch size', hint: 'Rows per update.' }, 512, whole(1, 65_536)),
  epochs: num('epochs', { label: 'Epochs', hint: 'Passes over the training rows; the curve shows each one.' }, 10, whole(1, 10_000)),
  dropout: num('dropout', { label: 'Dropout', hint: 'Share of units switched off while training, against overfitting.' }, 0, { min: 0, max: 0.9 }),
  patience: num('patience', { label: 'Patience', hint: 'Epochs without a better validation loss before stopping; 0 is off.' }, 3, whole(0, 1000)),
};

/** How one tree grows, shared by boosting and the forest with their own defaults. */
function treeSpecs(d: { maxDepth: number; lambda: number; depthHint: string; subsampleHint: string }) {
  return {
    maxDepth: num('maxDepth', { label: 'Max depth', hint: `${d.depthHint} 0 (no limit) only with leaf-wise growth.` }, d.maxDepth, whole(0, 64)),
    lambda: num('lambda', { label: 'Leaf L2 penalty (λ)', hint: 'Shrinks each leaf’s value towards 0: steadier trees on noisy data.' }, d.lambda, { min: 0, max: 1e6 }),
    minChildWeight: num('minChildWeight', { label: 'Min child weight', hint: 'A split must leave at least this much (hessian) weight on each side.' }, 1, { min: 0, max: 1e6 }),
    subsample: num('subsample', { label: 'Row share per tree', hint: d.subsampleHint }, 1, { min: 0.001, max: 1 }),
    colsampleByTree: num('colsampleByTree', { label: 'Column share per tree', hint: 'Below 1, each tree sees a sample of the columns.' }, 1, { min: 0.001, max: 1 }),
  };
}
export type TreeSpecs = ReturnType<typeof treeSpecs>;

export const GBDT_SPECS = {
  nEstimators: num('nEstimators', { label: 'Trees', hint: 'How many trees, at most (early stopping may use fewer).' }, 100, whole(1, 100_000)),
  learningRate: num('learningRate', { label: 'Learning rate', hint: 'How much each tree corrects; smaller needs more trees.' }, 0.1, { min: 1e-6, max: 1 }),
  ...treeSpecs({ maxDepth: 6, lambda: 1, depthHint: 'Deeper trees fit interactions, and overfit sooner.', subsampleHint: 'Below 1, each tree sees a sample of the rows.' }),
  earlyStoppingRounds: num('earlyStoppingRounds', { label: 'Early stopping rounds', hint: 'Stops after this many rounds without a better validation loss; 0 is off.' }, 0, whole(0, 100_000)),
};

export const FOREST_SPECS = {
  nEstimators: num('nEstimators', { label: 'Trees', hint: 'How many trees; more only steadies the average.' }, 100, whole(1, 10_000)),
  ...treeSpecs({ maxDepth: 12, lambda: 0, depthHint: 'Capped so a forest stays a few MB per tree.', subsampleHint: 'Rows drawn (with replacement) per tree, as a share of the training rows.' }),
};

export interface LearnerAbout {
  description: string;
  /** What one step of its curve is. */
  step: string;
  parameters: ParamSpec[];
}

export const LEARNER_ABOUT: Record<ModelKind, LearnerAbout> = {
  logistic: {
    step: 'iteration',
    description: 'Classifies with a weighted sum of the features through a sigmoid (softmax for several classes). Fast, calibrated, easy to explain.',
    parameters: Object.values(LOGISTIC_SPECS),
  },
  linear: { step: 'iteration', description: 'Predicts a number as a weighted sum of the features, solved exactly. The baseline every regression should beat.', parameters: Object.values(LINEAR_SPECS) },
  gbdt: { step: 'tree', description: 'Many small trees, each correcting the ones before. Strong on tables with mixed columns and missing values.', parameters: Object.values(GBDT_SPECS) },
  random_forest: { step: 'tree', description: 'Many deep trees on resampled rows, averaged. Robust with little tuning.', parameters: Object.values(FOREST_SPECS) },
  mlp: {
    step: 'epoch',
    description: 'A small neural network (layers of weighted sums and non-linearities), trained in epochs. Needs more rows than the others.',
    parameters: Object.values(MLP_SPECS),
  },
};
