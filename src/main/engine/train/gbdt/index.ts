export { gbdtLearner } from './boost';
export { randomForestLearner } from './forest';
export type { GbdtParams, ForestParams } from './params';
export { TreeEnsembleModel, type EnsembleJson } from './model';
