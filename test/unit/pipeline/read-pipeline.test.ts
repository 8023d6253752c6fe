import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPipelineFile } from '../../../src/main/cli/pipeline/read';
import { tempDir } from '../../helpers/temp';

/** A pipeline file with a mistake says where (file:line:column) and which field, before anything runs. */
describe('reading a pipeline file', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const write = (name: string, text: string) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads the sample pipeline with its defaults filled in', () => {
    const p = readPipelineFile(path.resolve('resources/sample/pipeline.yaml'));
    expect(p).toMatchObject({ dataset: 'penguins', import: { source: 'data/penguins.csv', target: 'species' }, model: 'penguins', promote: true, deploy: { target: 'laptop' } });
    expect(p.train.map((t) => t.model)).toEqual(['logistic', 'gbdt']);
    expect(p.recipe).toEqual([{ op: 'filter', where: 'bill_length_mm IS NOT NULL' }]);
    const minimal = readPipelineFile(write('minimal.yaml', 'dataset: shop\ntrain:\n  - model: gbdt\nmodel: churn\n'));
    expect(minimal).toMatchObject({ recipe: [], split: { strategy: 'stratified', ratios: [0.7, 0.15, 0.15], seed: 42 }, train: [{ model: 'gbdt', params: {} }], promote: true });
  });

  it('names the line and column of a YAML syntax error', () => {
    const file = write('syntax.yaml', 'dataset: shop\ntrain:\n  - model: gbdt\n    params: {depth: 3\nmodel: churn\n');
    expect(() => readPipelineFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('names the field, and where it is, when a value does not fit', () => {
    const file = write('field.yaml', 'dataset: shop\ntrain:\n  - model: xgboost\nmodel: churn\n');
    expect(() => readPipelineFile(file)).toThrow(/field\.yaml:3:12: train\.0\.model: .*logistic.*gbdt/);
    const ratios = write('ratios.yaml', 'dataset: shop\nsplit:\n  ratios: [0.5, 0.2]\ntrain: [{ model: gbdt }]\nmodel: churn\n');
    expect(() => readPipelineFile(ratios)).toThrow(/ratios\.yaml:3:11: split\.ratios: the shares must add up to 1/);
  });

  it('says what is missing, and how to get a pipeline when there is no file', () => {
    expect(() => readPipelineFile(write('missing.yaml', 'dataset: shop\nmodel: churn\n'))).toThrow(/missing\.yaml:1:1: train: missing \(the learners to train, e.g. train: \[\{ model: gbdt \}\]\)/);
    expect(() => readPipelineFile(write('unknown.yaml', 'dataset: shop\ntrain: [{ model: gbdt }]\nmodel: churn\ndeploy_to: laptop\n'))).toThrow(/deploy_to/);
    expect(() => readPipelineFile(path.join(tmp.dir, 'nope.yaml'))).toThrow(/No pipeline file at .*nope\.yaml.*mlcycle pipeline init/);
  });
});
