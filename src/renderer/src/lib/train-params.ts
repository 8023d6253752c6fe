import type { ModelKind } from '../../../shared/train/models';

/**
 * What the New run form knows about each learner: one line on what it does, and its main
 * hyperparameters with the engine's defaults and ranges (each learner's `parameters()` under
 * src/main/engine/train). A new learner is one entry here; `params: null` means the form does not
 * know its parameters and the engine's defaults apply. The engine checks again and names any
 * parameter it refuses.
 */

interface BaseParam {
  name: string;
  label: string;
  /** The engine's default, as the form shows it ("1e-4" reads better than 0.0001). */
  defaultText: string;
  hint: string;
}
export interface NumberParam extends BaseParam {
  kind: 'number';
  min: number;
  max: number;
  integer?: boolean;
}
export interface ChoiceParam extends BaseParam {
  kind: 'choice';
  choices: readonly string[];
}
/** Layer sizes such as "64,64": sent as text, as the CLI does. */
export interface LayersParam extends BaseParam {
  kind: 'layers';
}
export type ParamSpec = NumberParam | ChoiceParam | LayersParam;

export interface LearnerInfo {
  description: string;
  /** What one step of its curve is: the x axis of the loss chart. */
  step: string;
  params: ParamSpec[] | null;
}

const num = (name: string, label: string, defaultText: string, range: { min: number; max: number; integer?: boolean }, hint: string): NumberParam => ({ kind: 'number', name, label, defaultText, ...range, hint });
const whole = (max: number) => ({ min: 1, max, integer: true });
const l2 = (defaultText: string) => num('l2', 'L2 penalty (λ)', defaultText, { min: 0, max: 1e6 }, 'Larger shrinks the weights: less overfitting, but a looser fit.');
const trees = num('nEstimators', 'Trees', '100', whole(100_000), 'How many trees.');
const subsample = num('subsample', 'Row share per tree', '1', { min: 0.001, max: 1 }, 'Below 1, each tree sees a sample of the rows.');

export const LEARNERS: Record<ModelKind, LearnerInfo> = {
  logistic: {
    step: 'iteration',
    description: 'Classifies with a weighted sum of the features through a sigmoid (softmax for several classes). Fast, calibrated, easy to explain.',
    params: [
      l2('1e-4'),
      num('maxIterations', 'Max iterations', '200', whole(100_000), 'L-BFGS steps at most; the curve shows each one.'),
      num('tolerance', 'Tolerance', '1e-7', { min: 0, max: 1 }, 'Stops once the loss improves by less than this.'),
    ],
  },
  linear: { step: 'iteration', description: 'Predicts a number as a weighted sum of the features, solved exactly. The baseline every regression should beat.', params: [l2('1e-6')] },
  gbdt: {
    step: 'tree',
    description: 'Many small trees, each correcting the ones before. Strong on tables with mixed columns and missing values.',
    params: [trees, num('learningRate', 'Learning rate', '0.1', { min: 1e-6, max: 1 }, 'How much each tree corrects; smaller needs more trees.'), num('maxDepth', 'Max depth', '6', { min: 0, max: 64, integer: true }, 'Deeper trees fit interactions, and overfit sooner.'), subsample, num('earlyStoppingRounds', 'Early stopping rounds', '0', { min: 0, max: 100_000, integer: true }, 'Stops after this many rounds without a better validation loss; 0 is off.')],
  },
  random_forest: {
    step: 'tree',
    description: 'Many deep trees on resampled rows, averaged. Robust with little tuning.',
    params: [trees, num('maxDepth', 'Max depth', '12', { min: 0, max: 64, integer: true }, 'Capped so a forest stays a few MB per tree.'), subsample],
  },
  mlp: {
    step: 'epoch',
    description: 'A small neural network (layers of weighted sums and non-linearities), trained in epochs. Needs more rows than the others.',
    params: [
      { kind: 'layers', name: 'hidden', label: 'Hidden layers', defaultText: '64,64', hint: 'Units per layer, comma-separated (up to 8 layers).' },
      { kind: 'choice', name: 'activation', label: 'Activation', defaultText: 'relu', choices: ['relu', 'tanh', 'sigmoid', 'elu'], hint: 'The non-linearity between layers.' },
      { kind: 'choice', name: 'optimizer', label: 'Optimizer', defaultText: 'adam', choices: ['adam', 'sgd', 'rmsprop'], hint: 'How the weights are updated.' },
      num('learningRate', 'Learning rate', '0.001', { min: 1e-6, max: 10 }, 'Step size of each update.'),
      num('batchSize', 'Batch size', '512', whole(65_536), 'Rows per update.'),
      num('epochs', 'Epochs', '10', whole(10_000), 'Passes over the training rows; the curve shows each one.'),
      num('dropout', 'Dropout', '0', { min: 0, max: 0.9 }, 'Share of units switched off while training, against overfitting.'),
      num('patience', 'Patience', '3', { min: 0, max: 1000, integer: true }, 'Epochs without a better validation loss before stopping; 0 is off.'),
    ],
  },
};

/** The parameter fields as text, each at its default: what the form starts with for a model. */
export function defaultParamTexts(model: ModelKind): Record<string, string> {
  return Object.fromEntries((LEARNERS[model].params ?? []).map((p) => [p.name, p.defaultText]));
}

/** The value `train.start` gets for a parameter: a number, or text for choices and layer lists. */
function valueOf(spec: ParamSpec, text: string): number | string {
  return spec.kind === 'number' ? Number(text.trim()) : text.trim();
}

/** Why a typed value cannot be sent, in the engine's words, or null when it is fine. */
export function paramProblem(spec: ParamSpec, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter a value (the default is ${spec.defaultText}).`;
  if (spec.kind === 'choice') return spec.choices.includes(trimmed) ? null : `${spec.label} must be one of ${spec.choices.join(', ')}.`;
  if (spec.kind === 'layers') {
    const units = trimmed.split(/[,\s]+/).filter(Boolean).map(Number);
    return units.length <= 8 && units.every((u) => Number.isInteger(u) && u >= 1 && u <= 4096) ? null : `${spec.label}: up to 8 whole numbers from 1 to 4096, e.g. 64,64.`;
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `${spec.label} must be a number; got “${trimmed}”.`;
  if (spec.integer && !Number.isInteger(value)) return `${spec.label} must be a whole number.`;
  if (value < spec.min || value > spec.max) return `${spec.label} must be between ${spec.min.toLocaleString('en-US')} and ${spec.max.toLocaleString('en-US')}.`;
  return null;
}

/** The typed parameters as `train.start` takes them, or the problems per parameter name. */
export function readParams(model: ModelKind, texts: Record<string, string>): { params: Record<string, number | string>; problems: Record<string, string> } {
  const params: Record<string, number | string> = {};
  const problems: Record<string, string> = {};
  for (const spec of LEARNERS[model].params ?? []) {
    const text = texts[spec.name] ?? spec.defaultText;
    const problem = paramProblem(spec, text);
    if (problem) problems[spec.name] = problem;
    else params[spec.name] = valueOf(spec, text);
  }
  return { params, problems };
}

/** A run's parameters with the defaults it did not name filled in, so runs started without them compare fairly. */
export function effectiveParams(model: ModelKind, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of LEARNERS[model].params ?? []) out[spec.name] = valueOf(spec, spec.defaultText);
  for (const [name, value] of Object.entries(given)) {
    // The CLI passes parameters as text: "0.01" and 0.01 are the same setting.
    out[name] = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}
