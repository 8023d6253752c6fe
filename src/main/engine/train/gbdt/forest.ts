import { MlcycleError } from '../../../../shared/contract/errors';
import type { Learner, Target } from '../learner';
import { growTree } from './grow';
import { toPredictions, TreeEnsembleModel } from './model';
import { forestParameters, type ForestParams } from './params';
import { addToTraining, checkData, growInput, growSettings, openSession, pickFeatures, sampleRows, seconds, threadsInWords, type Session } from './session';
import { addTree, type Tree } from './tree';

/** Bootstrap: round(share × n) draws with replacement; each row's count is its weight. Returns the rows drawn at least once. */
function bootstrap(s: Session, share: number, counts: Uint32Array): number {
  const n = s.binned.rows;
  counts.fill(0);
  const draws = Math.max(1, Math.round(share * n));
  for (let d = 0; d < draws; d++) counts[Math.floor(s.random() * n)]!++;
  let m = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (counts[i]) s.sampled[m++] = i;
    else s.rest[r++] = i;
  }
  return m;
}

/** Mean log loss of class frequencies, or mean squared error. */
function forestLoss(y: Target, sums: Float64Array, rows: number, outputs: number, trees: number): number {
  const mean = sums.map((v) => v / trees);
  const p = toPredictions(y.kind, outputs, true, mean, rows);
  let loss = 0;
  for (let i = 0; i < rows; i++) loss += y.kind === 'regression' ? (p.values[i]! - y.values[i]!) ** 2 : -Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p.values[i * p.width + y.values[i]!]!)));
  return loss / rows;
}

/**
 * A random forest from the boosting code: each tree fits the target (or one class's indicator) as
 * a squared-error regression with g = −y·w and h = w (w: the row's bootstrap count) and λ = 0, so
 * a leaf holds the weighted mean of its rows and a split's gain is its variance reduction (Gini for
 * 0/1 targets). Trees are averaged; multiclass uses one tree per class, renormalised at predict.
 */
export const randomForestLearner: Learner<ForestParams> = {
  kind: 'random_forest',
  parameters: forestParameters,
  async fit(train, validation, p, ctx) {
    checkData(train, validation);
    const K = train.y.kind === 'multiclass' ? train.y.classes : 1;
    const n = train.x.rows;
    const y = train.y.values;
    const features = train.x.columns.length;
    const s = await openSession(train.x, validation?.x ?? null, p, K, null, ctx);
    const started = performance.now();
    try {
      const counts = new Uint32Array(n);
      const sums = s.pool.memory.scores;
      const nv = validation?.x.rows ?? 0;
      const vSums = new Float64Array(nv * K);
      const settings = growSettings(p, 1, features);
      const trees: Tree[] = [];
      const gh = s.pool.memory.gh;
      for (let t = 1; t <= p.nEstimators; t++) {
        if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled');
        const m = p.bootstrap ? bootstrap(s, p.subsample, counts) : sampleRows(s, p.subsample);
        const chosen = pickFeatures(features, p.colsampleByTree, s.random);
        for (let k = 0; k < K; k++) {
          for (let i = 0; i < m; i++) {
            const r = s.sampled[i]!;
            const w = p.bootstrap ? counts[r]! : 1;
            const target = K === 1 ? y[r]! : y[r] === k ? 1 : 0;
            gh[2 * r] = -target * w;
            gh[2 * r + 1] = w;
          }
          const grown = await growTree(growInput(s, m, chosen), settings);
          trees.push(grown.tree);
          await addToTraining(s, grown, m, k);
          if (s.validation) addTree(grown.tree, s.validation, nv, vSums, K, k);
        }
        const values: Record<string, number> = { train_loss: forestLoss(train.y, sums, n, K, t) };
        if (nv > 0) values.validation_loss = forestLoss(validation!.y, vSums, nv, K, t);
        ctx.curve({ step: t, values });
        ctx.progress(t / p.nEstimators, `tree ${t} of ${p.nEstimators}`);
      }
      ctx.log(`forest: ${seconds(started)} s`);
      return Object.assign(new TreeEnsembleModel('random_forest', train.y.kind, train.y.classes, features, new Float64Array(K), trees, true, p.nEstimators), { backend: threadsInWords(s.pool.threads) });
    } finally {
      await s.pool.close();
    }
  },
  restore: (data) => TreeEnsembleModel.restore(data, 'random_forest'),
};
