import type { Head } from '../heads';
import type { GraphBuilder } from '../onnx/graph';
import { int } from '../onnx/tensors';
import { dense } from './dense';

/** What logistic.ts saves: weights k·(d+1) + j for class output k and feature j, the intercept last (j = d). */
interface LogisticState {
  task: 'binary' | 'multiclass';
  classes: number;
  features: number;
  weights: number[];
}

/** What ridge.ts saves. */
interface RidgeState {
  weights: number[];
  intercept: number;
}

/** Logistic regression: sigmoid of one score for binary (the positive class), softmax of one per class otherwise. */
export function logisticHead(g: GraphBuilder, x: string, state: LogisticState): Head {
  const d = state.features;
  const outputs = state.classes === 2 ? 1 : state.classes;
  const kernel = new Float64Array(d * outputs);
  const bias = new Float64Array(outputs);
  for (let k = 0; k < outputs; k++) {
    for (let j = 0; j < d; j++) kernel[j * outputs + k] = state.weights[k * (d + 1) + j]!;
    bias[k] = state.weights[k * (d + 1) + d]!;
  }
  const z = dense(g, x, kernel, bias, d, outputs, 'logistic/score');
  if (outputs === 1) return { task: 'binary', positive: g.op('Sigmoid', [z], {}, { hint: 'positive' }) };
  return { task: 'multiclass', probabilities: g.op('Softmax', [z], { axis: int(1) }, { hint: 'softmax' }) };
}

/** Linear regression: x · w + intercept. */
export function linearHead(g: GraphBuilder, x: string, state: RidgeState): Head {
  return { task: 'regression', value: dense(g, x, state.weights, [state.intercept], state.weights.length, 1, 'linear/value') };
}
