import { MlcycleError } from '../../../../shared/contract/errors';
import type { MlpParams } from '../../train/mlp/learner';
import type { Head } from '../heads';
import type { GraphBuilder } from '../onnx/graph';
import { int } from '../onnx/tensors';
import { dense } from './dense';

/** What mlp/learner.ts saves: the TensorFlow.js weights in layer order, kernel [in, units] then bias [units] per dense layer (dropout has none). */
interface MlpState {
  task: 'binary' | 'multiclass' | 'regression';
  params: MlpParams;
  weights: Array<{ shape: number[]; values: number[] }>;
}

/** The hidden layers' activation as the ONNX operator computing it (TensorFlow.js's elu has α = 1, ONNX's default). */
const ACTIVATIONS: Record<MlpParams['activation'], string> = { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid', elu: 'Elu' };

/** Dense layers with the activation between them, logits out; sigmoid or softmax as the in-app model applies them. Dropout is off at prediction, so it has no node. */
export function mlpHead(g: GraphBuilder, x: string, state: MlpState): Head {
  const layers = state.weights.length / 2;
  if (!Number.isInteger(layers) || layers !== state.params.hidden.length + 1) throw new MlcycleError('INVALID_ARGUMENT', `The saved MLP has ${state.weights.length} weight tensors; ${2 * (state.params.hidden.length + 1)} expected for ${state.params.hidden.length} hidden layers.`, { field: 'run' });
  let h = x;
  for (let l = 0; l < layers; l++) {
    const kernel = state.weights[2 * l]!;
    const bias = state.weights[2 * l + 1]!;
    h = dense(g, h, kernel.values, bias.values, kernel.shape[0]!, kernel.shape[1]!, `mlp/layer${l}`);
    if (l < layers - 1) h = g.op(ACTIVATIONS[state.params.activation], [h], {}, { hint: `mlp/layer${l}/${state.params.activation}` });
  }
  if (state.task === 'regression') return { task: 'regression', value: h };
  if (state.task === 'binary') return { task: 'binary', positive: g.op('Sigmoid', [h], {}, { hint: 'positive' }) };
  return { task: 'multiclass', probabilities: g.op('Softmax', [h], { axis: int(1) }, { hint: 'softmax' }) };
}
