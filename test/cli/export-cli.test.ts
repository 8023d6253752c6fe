import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { shopCsv } from '../integration/package/shop-data';

/** `mlcycle export` as a user types it, on the built CLI. */
describe('mlcycle export', () => {
  const tmp = tempDir();
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home'), MLCYCLE_USER: 'ana' };
  const project = path.join(tmp.dir, 'p');
  const run = (args: string[]) => mlcycle([...args, '--project', project], { env, cwd: tmp.dir });

  beforeAll(() => {
    expect(mlcycle(['init', project], { env }).status).toBe(0);
    fs.writeFileSync(path.join(tmp.dir, 'shop.csv'), shopCsv(1500));
    expect(run(['data', 'import', 'shop.csv', '--target', 'bought', '--no-profile']).status).toBe(0);
    const trained = run(['train', '--dataset', 'shop', '--model', 'gbdt', '--exclude', 'tier', '--exclude', 'spend', '--params', 'nEstimators=20', '--name', 'trees']);
    expect(trained.status, trained.stderr).toBe(0);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('writes the graph, says parity passed, and prints the result as JSON', async () => {
    const words = run(['export', 'trees', '--out', 'trees.onnx']);
    expect(words.status, words.stderr).toBe(0);
    expect(words.stdout).toMatch(/trees\.onnx: [\d,]+ bytes, sha256 [0-9a-f]{64}/);
    expect(words.stdout).toContain('inputs: a (float), year (float), plan (string), flag (string)');
    expect(words.stdout).toMatch(/parity on \d+ test rows: passed/);

    const json = run(['export', 'trees', '--out', 'again.onnx', '--json']);
    expect(json.status, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ file: path.join(tmp.dir, 'again.onnx'), outputs: ['label', 'probabilities'], classes: ['false', 'true'], parity: { set: 'test', passed: true, labelMismatches: 0 } });
    // The same run gives the same graph, byte for byte.
    expect(fs.readFileSync(path.join(tmp.dir, 'again.onnx'))).toEqual(fs.readFileSync(path.join(tmp.dir, 'trees.onnx')));
    const session = await ort.InferenceSession.create(path.join(tmp.dir, 'again.onnx'));
    expect([...session.inputNames]).toEqual(['a', 'year', 'plan', 'flag']);
    await session.release();
  }, 120_000);

  it('refuses an unknown run or a folder that does not exist, with exit status 1', () => {
    const unknown = run(['export', 'nope', '--out', 'x.onnx']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/nope/);
    const nowhere = run(['export', 'trees', '--out', path.join('missing-folder', 'x.onnx')]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/the folder .*missing-folder does not exist/);
    expect(run(['export', 'trees']).status).toBe(2);
  });
});
