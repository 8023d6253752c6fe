import type { GraphBuilder } from './onnx/graph';
import { floatTensor, int, stringTensor } from './onnx/tensors';

/** What a learner's part of the graph ends in, before the outputs are named. */
export type Head =
  | { task: 'regression'; value: string }
  /** P(positive class), float [N,1]. */
  | { task: 'binary'; positive: string }
  /** Class probabilities, float [N, classes]. */
  | { task: 'multiclass'; probabilities: string };

/**
 * Names the outputs. Regression: `variable`, float [N,1]. Classification: `probabilities`, float
 * [N, classes] in the order of the class labels (binary: [1 − p, p], as the in-app model), and
 * `label`, string [N]: the class label of the first largest probability, as the in-app argmax picks.
 */
export function addOutputs(g: GraphBuilder, head: Head, classes: string[] | null): string[] {
  if (head.task === 'regression') {
    g.node('Identity', [head.value], {}, { outputs: ['variable'] });
    g.output('variable', 'float', ['N', 1]);
    return ['variable'];
  }
  const probabilities = head.task === 'binary' ? g.op('Concat', [g.op('Sub', [g.constant('one', floatTensor([1], [1])), head.positive], {}, { hint: 'negative' }), head.positive], { axis: int(1) }, { hint: 'both' }) : head.probabilities;
  g.node('Identity', [probabilities], {}, { outputs: ['probabilities'] });
  const index = g.op('ArgMax', [probabilities], { axis: int(1), keepdims: int(0) }, { hint: 'class_index' });
  g.node('Gather', [g.constant('class_labels', stringTensor(classes!)), index], { axis: int(0) }, { outputs: ['label'] });
  g.output('label', 'string', ['N']);
  g.output('probabilities', 'float', ['N', classes!.length]);
  return ['label', 'probabilities'];
}
