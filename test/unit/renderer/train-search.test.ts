import { describe, expect, it } from 'vitest';
import { SearchRequest } from '../../../src/shared/train/models';
import type { NumberParamSpec } from '../../../src/shared/train/learners';
import { buildRequest, type RequestDraft } from '../../../src/renderer/src/lib/train-request';
import { budgetSeconds, defaultDim, readSearch, reshape, suggestedRange, trialsProblem, type DimDraft } from '../../../src/renderer/src/lib/train-search';
import { LEARNERS } from './train-fixtures';

const learner = (kind: string) => LEARNERS.find((l) => l.kind === kind)!;
const spec = (kind: string, name: string) => learner(kind).parameters.find((p) => p.name === name)!;
const numberSpec = (kind: string, name: string) => spec(kind, name) as NumberParamSpec;

describe('search space fields', () => {
  it('starts from the engine’s default space, written as settings are typed', () => {
    expect(defaultDim(spec('logistic', 'l2'), learner('logistic').searchSpace.l2)).toEqual({ shape: 'range', searched: true, low: '1e-6', high: '1', log: true });
    // Layer lists hold commas, so a list of them is separated by semicolons.
    expect(defaultDim(spec('mlp', 'hidden'), learner('mlp').searchSpace.hidden)).toEqual({ shape: 'list', searched: true, values: '32; 64; 64,64; 128,64' });
    expect(defaultDim(spec('mlp', 'batchSize'), learner('mlp').searchSpace.batchSize)).toEqual({ shape: 'list', searched: true, values: '256, 512, 1024' });
    // Not in the default space: offered unticked, every choice ready to try.
    expect(defaultDim(spec('mlp', 'activation'), undefined)).toEqual({ shape: 'choices', searched: false, chosen: ['relu', 'tanh', 'sigmoid', 'elu'] });
  });

  it('suggests a range for a number the default space leaves out', () => {
    // a decade either side of a positive default, on a log scale
    expect(suggestedRange(numberSpec('logistic', 'tolerance'))).toEqual({ low: 1e-7, high: 1e-5, log: true });
    // half to twice a whole number
    expect(suggestedRange(numberSpec('logistic', 'maxIterations'))).toEqual({ low: 100, high: 400, log: false });
    // a default of 0: the first steps of the range
    expect(suggestedRange(numberSpec('gbdt', 'earlyStoppingRounds'))).toEqual({ low: 0, high: 10, log: false });
    expect(suggestedRange(numberSpec('mlp', 'dropout'))).toEqual({ low: 0, high: 0.09, log: false });
    // never past the spec's range: subsample's default is its maximum
    expect(suggestedRange(numberSpec('gbdt', 'subsample'))).toEqual({ low: 0.1, high: 1, log: true });
  });

  it('reads the space and the fixed parameters as train.search takes them', () => {
    const logistic = readSearch(learner('logistic').parameters, learner('logistic').searchSpace, {}, { maxIterations: '50' });
    expect(logistic).toEqual({ space: { l2: { min: 1e-6, max: 1, log: true, integer: false } }, fixed: { maxIterations: 50, tolerance: 1e-6 }, problems: {} });
    const mlp = readSearch(learner('mlp').parameters, learner('mlp').searchSpace, { activation: { shape: 'choices', searched: true, chosen: ['tanh', 'relu'] } }, {});
    expect(mlp.problems).toEqual({});
    expect(mlp.space).toEqual({
      hidden: { values: ['32', '64', '64,64', '128,64'] },
      // in the spec's order, whatever order they were ticked in
      activation: { values: ['relu', 'tanh'] },
      learningRate: { min: 1e-4, max: 1e-2, log: true, integer: false },
      batchSize: { values: [256, 512, 1024] },
      dropout: { min: 0, max: 0.4, log: false, integer: false },
    });
    expect(mlp.fixed).toEqual({ optimizer: 'adam', epochs: 10, patience: 3 });
    // what the form sends passes the contract's own check
    expect(() => SearchRequest.parse({ dataset: 'd', model: 'mlp', space: mlp.space, fixed: mlp.fixed })).not.toThrow();
  });

  it('names what is wrong with a range, a list or the choices', () => {
    const l2 = spec('logistic', 'l2');
    const read = (dim: DimDraft) => readSearch([l2], {}, { l2: dim }, {}).problems.l2;
    expect(read({ shape: 'range', searched: true, low: '0', high: '1', log: true })).toBe('A log scale needs a low end above 0: untick “log” or raise it.');
    expect(read({ shape: 'range', searched: true, low: '1', high: '0.1', log: false })).toBe('The low end of l2 penalty (λ) must be below the high end.');
    expect(read({ shape: 'range', searched: true, low: '-1', high: '1', log: false })).toBe('L2 penalty (λ) must be between 0 and 1,000,000.');
    expect(read({ shape: 'list', searched: true, values: ' , ' })).toBe('List at least one value, separated by “,”.');
    expect(readSearch([spec('mlp', 'hidden')], {}, { hidden: { shape: 'list', searched: true, values: '64,64; 0' } }, {}).problems.hidden).toMatch(/up to 8 whole numbers from 1 to 4096/);
    expect(readSearch([spec('mlp', 'activation')], {}, { activation: { shape: 'choices', searched: true, chosen: [] } }, {}).problems.activation).toBe('Tick at least one activation to try.');
    // nothing searched at all
    expect(readSearch([l2], {}, {}, {}).problems).toEqual({ _space: 'Tick “search” on at least one parameter.' });
  });

  it('switches a number between a range and a list', () => {
    const range: DimDraft = { shape: 'range', searched: true, low: '3', high: '8', log: false };
    expect(reshape(spec('gbdt', 'maxDepth'), range, 'list')).toEqual({ shape: 'list', searched: true, values: '3, 8' });
    expect(reshape(spec('gbdt', 'maxDepth'), { shape: 'list', searched: true, values: '4' }, 'range')).toEqual({ shape: 'range', searched: true, low: '3', high: '12', log: false });
  });

  it('checks trials and the budget as the engine would', () => {
    expect([trialsProblem('3'), trialsProblem('500')]).toEqual([null, null]);
    expect(trialsProblem('1')).toBe('A whole number of trials from 2 to 500.');
    expect(trialsProblem('2.5')).not.toBeNull();
    expect(budgetSeconds('0.5')).toEqual({ seconds: 30 });
    expect(budgetSeconds('5')).toEqual({ seconds: 300 });
    expect(budgetSeconds('0.1')).toEqual({ problem: 'Give auto at least 10 seconds (0.17 minutes).' });
    expect(budgetSeconds('abc')).toEqual({ problem: 'A number of minutes, e.g. 5 or 0.5.' });
  });
});

describe('what Start sends', () => {
  const draft: RequestDraft = { mode: 'single', target: '', model: 'logistic', params: {}, strategy: 'random', trials: '3', dims: {}, budgetMinutes: '1', autoModels: null, split: 'split-1', seed: '7', cv: '', exclude: ['id', 'churned'], name: ' mine ' };

  it('one run: the learner’s parameters, the split, the columns left out (never the target)', () => {
    expect(buildRequest(draft, LEARNERS, 'v1', 'churned')).toEqual({
      request: { method: 'train.start', args: { dataset: 'v1', split: 'split-1', seed: 7, exclude: ['id'], name: 'mine', model: 'logistic', params: { l2: 1e-4, maxIterations: 200, tolerance: 1e-6 } } },
    });
  });

  it('a search: strategy, trials, the space and the parameters held fixed', () => {
    const built = buildRequest({ ...draft, mode: 'search', strategy: 'halving' }, LEARNERS, 'v1', 'churned');
    expect(built).toMatchObject({ request: { method: 'train.search', args: { model: 'logistic', strategy: 'halving', trials: 3, space: { l2: { min: 1e-6, max: 1, log: true } }, fixed: { maxIterations: 200, tolerance: 1e-6 } } } });
    expect(buildRequest({ ...draft, mode: 'search', trials: '1' }, LEARNERS, 'v1', 'churned')).toEqual({ why: 'Fix the settings marked in red first.' });
  });

  it('auto: the budget in seconds, and the learners only when not all of them are ticked', () => {
    const all = buildRequest({ ...draft, mode: 'auto' }, LEARNERS, 'v1', 'churned');
    expect(all).toMatchObject({ request: { method: 'train.auto', args: { budgetSeconds: 60 } } });
    expect('request' in all && 'models' in all.request.args).toBe(false);
    expect(buildRequest({ ...draft, mode: 'auto', autoModels: ['gbdt', 'logistic'] }, LEARNERS, 'v1', 'churned')).toMatchObject({ request: { args: { models: ['logistic', 'gbdt'] } } });
    expect(buildRequest({ ...draft, mode: 'auto', autoModels: [] }, LEARNERS, 'v1', 'churned')).toEqual({ why: 'Fix the settings marked in red first.' });
  });
});
