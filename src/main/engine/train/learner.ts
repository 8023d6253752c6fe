/**
 * The one interface every learner implements (linear/logistic, MLP, gradient-boosted trees), so
 * runs, cross-validation, search and export treat them alike. Learners see numbers only: the
 * preprocessing pipeline (imputation, scaling, categorical encoding) turns raw columns into a
 * FeatureMatrix before fit and predict, and travels with the model.
 */

export type TaskKind = 'binary' | 'multiclass' | 'regression';

/** Column-major features: columns[j][i] is feature j of row i; NaN means missing (trees learn where it goes). */
export interface FeatureMatrix {
  rows: number;
  names: string[];
  columns: Float64Array[];
}

/**
 * What is predicted. Classification: class indices 0..classes-1 (the pipeline keeps the labels);
 * regression: the value. `weights` are optional per-row weights.
 */
export interface Target {
  kind: TaskKind;
  /** Number of classes (2 for binary); 0 for regression. */
  classes: number;
  values: Float64Array;
}

/** One point on a training curve: iteration or epoch, and named values such as train_loss, validation_auc. */
export interface CurvePoint {
  step: number;
  values: Record<string, number>;
}

export interface FitContext {
  seed: number;
  /** fraction in 0..1 */
  progress(fraction: number, phase?: string): void;
  /** Streams a curve point to the UI as it is made. */
  curve(point: CurvePoint): void;
  /** Learners check this between iterations and stop, throwing CANCELLED. */
  isCancelled(): boolean;
  log(message: string): void;
}

/**
 * Predictions: for classification, probabilities row-major (rows × classes; binary has 2 columns,
 * P(class 0) and P(class 1)); for regression, one value per row.
 */
export interface Predictions {
  rows: number;
  /** 1 for regression, classes otherwise. */
  width: number;
  values: Float64Array;
}

export interface TrainedModel {
  kind: string;
  task: TaskKind;
  predict(x: FeatureMatrix): Predictions;
  /** Everything needed to rebuild the model (JSON-safe: plain numbers and arrays). */
  serialise(): unknown;
  /** Iterations actually used (early stopping), where that applies. */
  iterations?: number;
  /** What computed it, in words (e.g. "TensorFlow.js wasm (CPU)"); plain JavaScript when absent. */
  backend?: string;
}

export interface Learner<P> {
  kind: string;
  /** Fills defaults and checks ranges; throws an INVALID_ARGUMENT MlcycleError naming the parameter. */
  parameters(raw: Record<string, unknown>): P;
  fit(train: { x: FeatureMatrix; y: Target }, validation: { x: FeatureMatrix; y: Target } | null, params: P, ctx: FitContext): Promise<TrainedModel>;
  /** Rebuilds a model from serialise()'s output. */
  restore(data: unknown): TrainedModel;
}
