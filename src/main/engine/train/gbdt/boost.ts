import { MlcycleError } from '../../../../shared/contract/errors';
import type { Learner } from '../learner';
import { growTree } from './grow';
import { TreeEnsembleModel } from './model';
import { objectiveFor } from './objective';
import { gbdtParameters, type GbdtParams } from './params';
import { addToTraining, checkData, growInput, growSettings, openSession, pickFeatures, sampleRows, seconds, threadsInWords } from './session';
import { addTree, type Tree } from './tree';

/**
 * Gradient-boosted trees on histograms (XGBoost's second-order gains, LightGBM's histogram
 * subtraction): binary log loss, softmax (one tree per class per round) or squared error.
 */
export const gbdtLearner: Learner<GbdtParams> = {
  kind: 'gbdt',
  parameters: gbdtParameters,
  async fit(train, validation, p, ctx) {
    checkData(train, validation);
    const objective = objectiveFor(train.y);
    const K = objective.outputs;
    const n = train.x.rows;
    const y = train.y.values;
    const features = train.x.columns.length;
    const base = objective.base(y);
    const s = await openSession(train.x, validation?.x ?? null, p, K, { kind: train.y.kind, classes: train.y.classes }, ctx);
    const started = performance.now();
    const memory = s.pool.memory;
    try {
      memory.y.set(y);
      for (let i = 0; i < n * K; i++) memory.scores[i] = base[i % K]!;
      // Probabilities and the first gradients (of output 0) for round 1; later rounds get theirs with the loss.
      await s.pool.prepare(0);
      const nv = validation?.x.rows ?? 0;
      const vScores = new Float64Array(nv * K);
      for (let i = 0; i < vScores.length; i++) vScores[i] = base[i % K]!;
      const vProb = new Float64Array(nv * K);
      const settings = growSettings(p, p.learningRate, features);
      const stopping = validation && nv > 0 && p.earlyStoppingRounds > 0 ? p.earlyStoppingRounds : 0;
      if (p.earlyStoppingRounds > 0 && !stopping) ctx.log('early stopping needs validation rows; training all rounds');
      const trees: Tree[] = [];
      let best = { loss: Number.POSITIVE_INFINITY, round: 0 };
      let round = 0;
      while (round < p.nEstimators) {
        if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled');
        round++;
        const m = sampleRows(s, p.subsample);
        const chosen = pickFeatures(features, p.colsampleByTree, s.random);
        for (let k = 0; k < K; k++) {
          if (k > 0) await s.pool.gradients(k);
          const grown = await growTree(growInput(s, m, chosen), settings);
          trees.push(grown.tree);
          await addToTraining(s, grown, m, k);
          if (s.validation) addTree(grown.tree, s.validation, nv, vScores, K, k);
        }
        const values: Record<string, number> = { train_loss: await s.pool.prepare(0) };
        if (nv > 0) {
          values.validation_loss = objective.prepare(vScores, validation!.y.values, 0, nv, vProb) / nv;
          if (values.validation_loss < best.loss) best = { loss: values.validation_loss, round };
        }
        ctx.curve({ step: round, values });
        ctx.progress(round / p.nEstimators, `tree ${round} of ${p.nEstimators}`);
        if (stopping && round - best.round >= stopping) break;
      }
      if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled');
      const kept = stopping ? best.round : round;
      ctx.log(`boosting: ${seconds(started)} s`);
      if (stopping) ctx.log(`early stopping after round ${round}: kept the best ${kept} rounds (validation loss ${best.loss.toPrecision(6)})`);
      return Object.assign(new TreeEnsembleModel('gbdt', train.y.kind, train.y.classes, features, base, trees.slice(0, kept * K), false, kept), { backend: threadsInWords(s.pool.threads) });
    } finally {
      await s.pool.close();
    }
  },
  restore: (data) => TreeEnsembleModel.restore(data, 'gbdt'),
};
