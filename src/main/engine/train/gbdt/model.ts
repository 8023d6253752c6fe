import { MlcycleError } from '../../../../shared/contract/errors';
import type { FeatureMatrix, Predictions, TaskKind, TrainedModel } from '../learner';
import { addTree, asFloat32, type Tree, treeFromJson, type TreeJson, treeToJson } from './tree';

export type EnsembleKind = 'gbdt' | 'random_forest';

/** The saved form: plain numbers and arrays. Tree t scores output t mod outputs. */
export interface EnsembleJson {
  format: 1;
  kind: EnsembleKind;
  task: TaskKind;
  classes: number;
  features: number;
  /** Score columns: classes for multiclass, else 1. */
  outputs: number;
  /** Boosting adds the trees to `base`; a forest averages them (base 0). */
  average: boolean;
  base: number[];
  trees: TreeJson[];
  iterations: number;
}

const outputsOf = (task: TaskKind, classes: number) => (task === 'multiclass' ? classes : 1);

/**
 * Scores into what the task predicts. Boosting: sigmoid / softmax of the summed scores. Forest: the
 * averaged leaf values are already class frequencies; multiclass ones (one tree per class, fitted
 * separately) are renormalised to sum to 1.
 */
export function toPredictions(task: TaskKind, outputs: number, average: boolean, scores: Float64Array, rows: number): Predictions {
  if (task === 'regression') return { rows, width: 1, values: scores };
  if (task === 'binary') {
    const values = new Float64Array(2 * rows);
    for (let i = 0; i < rows; i++) {
      const s = scores[i]!;
      const p = average ? Math.min(1, Math.max(0, s)) : 1 / (1 + Math.exp(-s));
      values[2 * i] = 1 - p;
      values[2 * i + 1] = p;
    }
    return { rows, width: 2, values };
  }
  const values = new Float64Array(rows * outputs);
  for (let i = 0; i < rows; i++) {
    const o = i * outputs;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < outputs; k++) max = Math.max(max, scores[o + k]!);
    let sum = 0;
    for (let k = 0; k < outputs; k++) sum += values[o + k] = average ? Math.max(0, scores[o + k]!) : Math.exp(scores[o + k]! - max);
    for (let k = 0; k < outputs; k++) values[o + k] = sum > 0 ? values[o + k]! / sum : 1 / outputs;
  }
  return { rows, width: outputs, values };
}

export class TreeEnsembleModel implements TrainedModel {
  readonly outputs: number;

  constructor(
    readonly kind: EnsembleKind,
    readonly task: TaskKind,
    readonly classes: number,
    readonly features: number,
    readonly base: Float64Array,
    readonly trees: Tree[],
    readonly average: boolean,
    readonly iterations: number,
  ) {
    this.outputs = outputsOf(task, classes);
  }

  /** Raw scores, rows × outputs: base plus the sum (boosting) or mean (forest) of the trees' leaf values. */
  scores(x: FeatureMatrix): Float64Array {
    if (x.columns.length !== this.features) throw new MlcycleError('INVALID_ARGUMENT', `The model takes ${this.features} features; got ${x.columns.length}.`, { field: 'features' });
    const columns = asFloat32(x.columns);
    const out = new Float64Array(x.rows * this.outputs);
    // Boosting starts from the base, as training did, so scores round the same way.
    if (!this.average) for (let i = 0; i < out.length; i++) out[i] = this.base[i % this.outputs]!;
    this.trees.forEach((tree, t) => addTree(tree, columns, x.rows, out, this.outputs, t % this.outputs));
    const perOutput = this.trees.length / this.outputs;
    if (this.average && perOutput) for (let i = 0; i < out.length; i++) out[i] = this.base[i % this.outputs]! + out[i]! / perOutput;
    return out;
  }

  predict(x: FeatureMatrix): Predictions {
    return toPredictions(this.task, this.outputs, this.average, this.scores(x), x.rows);
  }

  serialise(): EnsembleJson {
    return {
      format: 1,
      kind: this.kind,
      task: this.task,
      classes: this.classes,
      features: this.features,
      outputs: this.outputs,
      average: this.average,
      base: [...this.base],
      trees: this.trees.map(treeToJson),
      iterations: this.iterations,
    };
  }

  static restore(data: unknown, kind: EnsembleKind): TreeEnsembleModel {
    const m = data as Partial<EnsembleJson> | null;
    if (!m || m.format !== 1 || m.kind !== kind || !Array.isArray(m.trees) || !Array.isArray(m.base) || typeof m.features !== 'number' || !m.task || typeof m.classes !== 'number') {
      throw new MlcycleError('INVALID_ARGUMENT', `Not a saved ${kind} model (format 1).`, { field: 'model' });
    }
    const outputs = outputsOf(m.task, m.classes);
    if (m.base.length !== outputs || m.trees.length % outputs !== 0) throw new MlcycleError('INVALID_ARGUMENT', `The saved ${kind} model's trees do not match its ${outputs} outputs.`, { field: 'model' });
    const trees = m.trees.map((t) => treeFromJson(t, m.features!));
    return new TreeEnsembleModel(kind, m.task, m.classes, m.features, Float64Array.from(m.base), trees, Boolean(m.average), m.iterations ?? trees.length / outputs);
  }
}
