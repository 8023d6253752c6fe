import { describe, expect, it } from 'vitest';
import { MlcycleError } from '../../../src/shared/contract/errors';
import { ParamSpec } from '../../../src/shared/train/learners';
import { MODEL_KINDS } from '../../../src/shared/train/models';
import { LEARNER_ABOUT } from '../../../src/main/engine/train/learner-specs';
import { learnerFor } from '../../../src/main/engine/train/learners';
import { DEFAULT_SPACES } from '../../../src/main/engine/train/search-space';

/**
 * The specs the New run form shows are the ones each learner's parameters() reads. These tests ask
 * the learner itself (parameters({}) for defaults, parameters({name: v}) for ranges), so a spec
 * and the engine cannot disagree without a failure here.
 */

const parse = (model: (typeof MODEL_KINDS)[number], raw: Record<string, unknown>) => learnerFor(model).learner.parameters(raw) as Record<string, unknown>;
const refuses = (model: (typeof MODEL_KINDS)[number], raw: Record<string, unknown>) => {
  try {
    parse(model, raw);
    return null;
  } catch (e) {
    return e instanceof MlcycleError ? e.code : 'other';
  }
};

/** Parameters whose bounds only hold together with another setting: a tree's depth can be 0 (no limit) only when it grows leaf-wise. */
const WITH: Record<string, Record<string, unknown>> = { maxDepth: { growth: 'leafwise' } };

describe('learner parameter specs', () => {
  for (const model of MODEL_KINDS) {
    const about = LEARNER_ABOUT[model];

    it(`${model}: every spec default is what parameters({}) fills in`, () => {
      const defaults = parse(model, {});
      expect(about.parameters.length).toBeGreaterThan(0);
      for (const spec of about.parameters) {
        expect(ParamSpec.parse(spec)).toEqual(spec);
        // Layer lists are written "64,64" and parsed to [64, 64].
        const expected = spec.kind === 'layers' ? spec.default.split(',').map(Number) : spec.default;
        expect(defaults[spec.name], `${model}.${spec.name}`).toEqual(expected);
      }
    });

    it(`${model}: the engine takes each spec's bounds and choices, and refuses just past them`, () => {
      for (const spec of about.parameters) {
        if (spec.kind === 'number') {
          const context = WITH[spec.name] ?? {};
          expect(refuses(model, { ...context, [spec.name]: spec.min }), `${model}.${spec.name} = min`).toBeNull();
          expect(refuses(model, { ...context, [spec.name]: spec.max }), `${model}.${spec.name} = max`).toBeNull();
          const below = spec.integer ? spec.min - 1 : spec.min - Math.max(1e-9, Math.abs(spec.min) * 1e-3);
          const above = spec.integer ? spec.max + 1 : spec.max + Math.max(1e-9, Math.abs(spec.max) * 1e-3);
          expect(refuses(model, { [spec.name]: below }), `${model}.${spec.name} below min`).toBe('INVALID_ARGUMENT');
          expect(refuses(model, { [spec.name]: above }), `${model}.${spec.name} above max`).toBe('INVALID_ARGUMENT');
          if (spec.integer) expect(refuses(model, { [spec.name]: spec.min + 0.5 })).toBe('INVALID_ARGUMENT');
        } else if (spec.kind === 'choice') {
          for (const c of spec.choices) expect(refuses(model, { [spec.name]: c })).toBeNull();
          expect(refuses(model, { [spec.name]: 'not-a-choice' })).toBe('INVALID_ARGUMENT');
        }
      }
    });

    it(`${model}: says what it does and what a curve step is, with words for every parameter`, () => {
      expect(about.description.length).toBeGreaterThan(20);
      expect(['iteration', 'epoch', 'tree']).toContain(about.step);
      for (const spec of about.parameters) {
        expect(spec.label.length).toBeGreaterThan(2);
        expect(spec.hint).toMatch(/\.$/);
      }
      expect(new Set(about.parameters.map((p) => p.name)).size).toBe(about.parameters.length);
    });

    it(`${model}: its default search space only names parameters the form shows, inside their ranges`, () => {
      for (const [name, dim] of Object.entries(DEFAULT_SPACES[model])) {
        const spec = about.parameters.find((p) => p.name === name);
        expect(spec, `${model}.${name} has a spec`).toBeDefined();
        if ('values' in dim) for (const v of dim.values) expect(refuses(model, { [name]: v })).toBeNull();
        else if (spec?.kind === 'number') {
          expect(dim.min).toBeGreaterThanOrEqual(spec.min);
          expect(dim.max).toBeLessThanOrEqual(spec.max);
        }
      }
    });
  }

  it('keeps the defaults users rely on (as the CLI documents them)', () => {
    // Independent of the table: the numbers the README and the form have always shown.
    expect(parse('logistic', {})).toEqual({ l2: 1e-4, maxIterations: 200, tolerance: 1e-6 });
    expect(parse('linear', {})).toEqual({ l2: 1e-6 });
    expect(parse('gbdt', {})).toMatchObject({ nEstimators: 100, learningRate: 0.1, maxDepth: 6, lambda: 1, subsample: 1 });
    expect(parse('random_forest', {})).toMatchObject({ nEstimators: 100, maxDepth: 12, lambda: 0 });
    expect(parse('mlp', {})).toMatchObject({ hidden: [64, 64], activation: 'relu', optimizer: 'adam', learningRate: 0.001, epochs: 10 });
    // Leaf-wise growth still lifts the depth limit unless one is given.
    expect(parse('gbdt', { growth: 'leafwise' })).toMatchObject({ maxDepth: 0, maxLeaves: 31 });
  });
});
