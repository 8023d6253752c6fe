import { TreeEnsembleModel, type EnsembleKind } from '../../train/gbdt/model';
import type { Head } from '../heads';
import { ML_DOMAIN, type GraphBuilder } from '../onnx/graph';
import { doubleTensor, floatTensor, int, int64Tensor, ints, str, strs, tensor } from '../onnx/tensors';

/**
 * The trees as one TreeEnsembleRegressor (ai.onnx.ml 3), one target per score column.
 *
 * The in-app trees already are ONNX's rule (tree.ts): `x < threshold` goes to the true branch, the
 * learned default direction takes NaN (nodes_missing_value_tracks_true), thresholds are float32
 * values and x is compared as float32. The features are cast to double, which float32 values survive
 * exactly, so every comparison decides as in the app; the double input also makes onnxruntime keep
 * thresholds, leaf values and the sum in double, as the app sums them.
 */
function ensemble(g: GraphBuilder, x: string, model: TreeEnsembleModel): string {
  const lists = { treeIds: [] as number[], nodeIds: [] as number[], features: [] as number[], modes: [] as string[], thresholds: [] as number[], trueIds: [] as number[], falseIds: [] as number[], missingTrue: [] as number[] };
  const leaves = { treeIds: [] as number[], nodeIds: [] as number[], targets: [] as number[], weights: [] as number[] };
  model.trees.forEach((tree, t) => {
    for (let n = 0; n < tree.feature.length; n++) {
      const leaf = tree.feature[n]! < 0;
      lists.treeIds.push(t);
      lists.nodeIds.push(n);
      lists.features.push(leaf ? 0 : tree.feature[n]!);
      lists.modes.push(leaf ? 'LEAF' : 'BRANCH_LT');
      lists.thresholds.push(leaf ? 0 : tree.threshold[n]!);
      lists.trueIds.push(leaf ? 0 : tree.left[n]!);
      lists.falseIds.push(leaf ? 0 : tree.right[n]!);
      lists.missingTrue.push(leaf ? 0 : tree.defaultLeft[n]!);
      if (leaf) {
        leaves.treeIds.push(t);
        leaves.nodeIds.push(n);
        // Tree t scores output t mod outputs (model.ts).
        leaves.targets.push(t % model.outputs);
        leaves.weights.push(tree.value[n]!);
      }
    }
  });
  const asDouble = g.op('Cast', [x], { to: int(11) }, { hint: 'features/double' });
  return g.op(
    'TreeEnsembleRegressor',
    [asDouble],
    {
      n_targets: int(model.outputs),
      aggregate_function: str('SUM'),
      post_transform: str('NONE'),
      // Boosting starts from the base score; the forest's average is taken below.
      base_values_as_tensor: tensor(doubleTensor(model.average ? new Float64Array(model.outputs) : model.base)),
      nodes_treeids: ints(lists.treeIds),
      nodes_nodeids: ints(lists.nodeIds),
      nodes_featureids: ints(lists.features),
      nodes_modes: strs(lists.modes),
      nodes_values_as_tensor: tensor(doubleTensor(lists.thresholds)),
      nodes_truenodeids: ints(lists.trueIds),
      nodes_falsenodeids: ints(lists.falseIds),
      nodes_missing_value_tracks_true: ints(lists.missingTrue),
      target_treeids: ints(leaves.treeIds),
      target_nodeids: ints(leaves.nodeIds),
      target_ids: ints(leaves.targets),
      target_weights_as_tensor: tensor(doubleTensor(leaves.weights)),
    },
    { domain: ML_DOMAIN, hint: 'tree_scores' },
  );
}

/**
 * The forest's mean per output: the sum over that output's trees divided by their number (the
 * operator's AVERAGE would divide by all trees, every class's together), plus the base.
 */
function forestMean(g: GraphBuilder, sums: string, model: TreeEnsembleModel): string {
  const perOutput = model.trees.length / model.outputs;
  const mean = g.op('Div', [sums, g.constant('trees_per_output', floatTensor([perOutput], [1]))], {}, { hint: 'tree_mean' });
  return model.base.some((b) => b !== 0) ? g.op('Add', [mean, g.constant('base', floatTensor(model.base, [model.outputs]))], {}, { hint: 'tree_mean_base' }) : mean;
}

/**
 * Scores into what the task predicts, as toPredictions in gbdt/model.ts: boosting takes the sigmoid
 * or softmax of the summed scores; the forest's averaged leaves are already class frequencies,
 * clipped to [0, 1] for binary and, for multiclass, floored at 0 and renormalised (uniform when all are 0).
 */
export function treesHead(g: GraphBuilder, x: string, state: unknown, kind: EnsembleKind): Head {
  const model = TreeEnsembleModel.restore(state, kind);
  const sums = ensemble(g, x, model);
  const scores = model.average ? forestMean(g, sums, model) : sums;
  if (model.task === 'regression') return { task: 'regression', value: scores };
  if (model.task === 'binary') {
    const positive = model.average ? g.op('Clip', [scores, g.constant('zero', floatTensor([0], [])), g.constant('one', floatTensor([1], []))], {}, { hint: 'positive' }) : g.op('Sigmoid', [scores], {}, { hint: 'positive' });
    return { task: 'binary', positive };
  }
  if (!model.average) return { task: 'multiclass', probabilities: g.op('Softmax', [scores], { axis: int(1) }, { hint: 'softmax' }) };
  const floored = g.op('Relu', [scores], {}, { hint: 'frequencies' });
  const total = g.op('ReduceSum', [floored, g.constant('class_axis', int64Tensor([1]))], { keepdims: int(1) }, { hint: 'frequency_total' });
  const normalised = g.op('Div', [floored, total], {}, { hint: 'renormalised' });
  const uniform = g.constant('uniform', floatTensor([1 / model.outputs], [1]));
  const positiveTotal = g.op('Greater', [total, g.constant('zero', floatTensor([0], [1]))], {}, { hint: 'has_frequency' });
  return { task: 'multiclass', probabilities: g.op('Where', [positiveTotal, normalised, uniform], {}, { hint: 'probabilities' }) };
}
