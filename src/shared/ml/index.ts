/**
 * MLCycle's evaluation metrics: pure TypeScript over typed arrays, shared by the engine (scoring
 * runs) and the renderer (the live threshold chooser). No Node, no DOM.
 */
export * from './calibration';
export * from './catalogue';
export * from './classification';
export * from './confusion';
export * from './curves';
export * from './fairness';
export { column } from './inputs';
export * from './metric-set';
export * from './overfitting';
export * from './ranking';
export * from './regression';
export * from './threshold';
