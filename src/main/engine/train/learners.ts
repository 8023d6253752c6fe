import { MlcycleError } from '../../../shared/contract/errors';
import type { ModelKind } from '../../../shared/train/models';
import type { Learner } from './learner';
import { logisticLearner } from './linear/logistic';
import { linearLearner } from './linear/ridge';
import { gbdtLearner, randomForestLearner } from './gbdt';
import { mlpLearner } from './mlp/learner';
import type { Encoding } from './pipeline';

interface Registered {
  learner: Learner<unknown>;
  /** Trees split raw values and learn where missing goes; the others need imputed, scaled, one-hot inputs. */
  encoding: Encoding;
}

const LEARNERS: Partial<Record<ModelKind, Registered>> = {
  logistic: { learner: logisticLearner as Learner<unknown>, encoding: 'onehot' },
  linear: { learner: linearLearner as Learner<unknown>, encoding: 'onehot' },
  mlp: { learner: mlpLearner as Learner<unknown>, encoding: 'onehot' },
  gbdt: { learner: gbdtLearner as Learner<unknown>, encoding: 'ordinal' },
  random_forest: { learner: randomForestLearner as Learner<unknown>, encoding: 'ordinal' },
};

/** Whether this build has the learner (auto mode tries only those). */
export function isAvailable(kind: ModelKind): boolean {
  return LEARNERS[kind] !== undefined;
}

export function learnerFor(kind: ModelKind): Registered {
  const found = LEARNERS[kind];
  if (!found) throw new MlcycleError('INVALID_ARGUMENT', `The ${kind} learner is not available in this build yet. Available: ${Object.keys(LEARNERS).join(', ')}.`, { field: 'model' });
  return found;
}
