import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeExport } from '../../../src/main/cli/commands/export';
import { checkParity } from '../../../src/main/engine/package/check-parity';
import { exportOnnx } from '../../../src/main/engine/package/export-onnx';
import { readModelFile, type ModelFile } from '../../../src/main/engine/train/model-file';
import type { ExportResult } from '../../../src/shared/package/models';
import type { Run } from '../../../src/shared/train/models';
import { succeeded } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { shopCsv } from './shop-data';

interface LogisticFile extends ModelFile {
  state: { classes: number; features: number; weights: number[] };
}

/**
 * A tiny logistic model scored through the exported graph and checked against predictions worked
 * out here by hand from its saved parameters (not through the app's transform); and a corrupted
 * weight, which parity must catch and show.
 */
describe('ONNX export of a logistic model: hand-computed predictions, and a corrupted weight caught', () => {
  const tmp = tempDir();
  const project = path.join(tmp.dir, 'project');
  const artifact = (sha: string) => path.join(project, 'artifacts', sha.slice(0, 2), sha);
  let api: Connected;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: project });
    // 60 rows: colour red or blue, or missing as null or as an empty string (both are the missing level).
    const rows = Array.from({ length: 60 }, (_v, i) => {
      const colour = i % 6 === 0 ? null : i % 6 === 1 ? '' : i % 2 === 0 ? 'red' : 'blue';
      const x = i % 10 === 4 ? null : (i % 13) - 6 + (colour === 'red' ? 2 : 0);
      return { x, colour, bought: (x ?? 0) + (colour === 'blue' ? 1 : 0) + ((i * 7) % 5) - 2 > 0 ? 1 : 0 };
    });
    const tiny = path.join(tmp.dir, 'tiny.json');
    fs.writeFileSync(tiny, rows.map((r) => JSON.stringify(r)).join('\n'));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'json', path: tiny }, options: { target: 'bought', profile: false } }));
    const shop = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(shop, shopCsv(3000));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: shop }, options: { target: 'bought', profile: false } }));
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const train = async (dataset: string, exclude: string[] = []): Promise<Run> => {
    const started = await api.client.call('train.start', { dataset, model: 'logistic', exclude, params: {}, seed: 3 } as never);
    await succeeded(api.client, started.job);
    return api.client.call('runs.get', { id: started.run.id });
  };

  it('scores hand-made rows as the saved weights and preprocessing say, by hand', async () => {
    const run = await train('tiny');
    const out = path.join(tmp.dir, 'tiny.onnx');
    const result = (await succeeded(api.client, await api.client.call('models.export', { run: run.id, out }))).result as ExportResult;
    expect(result.parity.passed).toBe(true);
    const file = readModelFile(artifact(run.modelSha256!)) as LogisticFile;
    const { numeric, categorical, target } = file.pipeline;
    expect(target.classes).toEqual(['0', '1']);
    // The empty string was read as missing while fitting: no '' level, and the missing level among the kept ones.
    expect([...categorical[0]!.levels].sort()).toEqual(['(missing)', 'blue', 'red']);

    // By hand: z = b + w_x · (x or its mean − mean) / std + w of the colour's one-hot column ("other" last).
    const [x] = numeric;
    const levels = categorical[0]!.levels;
    const w = file.state.weights;
    const d = file.state.features;
    expect(d).toBe(1 + levels.length + 1);
    const byHand = (xValue: number, colour: string) => {
      const level = colour === '' ? levels.indexOf('(missing)') : levels.includes(colour) ? levels.indexOf(colour) : levels.length;
      const z = w[d]! + w[0]! * ((Number.isNaN(xValue) ? x!.impute : xValue) - x!.mean) / x!.std + w[1 + level]!;
      return 1 / (1 + Math.exp(-z));
    };
    const cases: Array<[number, string]> = [
      [2, 'red'],
      [-3, 'blue'],
      [Number.NaN, 'red'],
      [1, ''],
      [0.5, 'purple'],
      [Number.NaN, '(missing)'],
    ];
    const session = await ort.InferenceSession.create(out);
    try {
      const scored = await session.run({
        x: new ort.Tensor('float32', Float32Array.from(cases.map((c) => c[0])), [cases.length, 1]),
        colour: new ort.Tensor('string', cases.map((c) => c[1]), [cases.length, 1]),
      });
      const probabilities = scored.probabilities!.data as Float32Array;
      const labels = scored.label!.data as string[];
      cases.forEach(([xValue, colour], i) => {
        const p = byHand(xValue, colour);
        expect(probabilities[2 * i + 1]).toBeCloseTo(p, 6);
        expect(probabilities[2 * i]).toBeCloseTo(1 - p, 6);
        expect(labels[i]).toBe(p > 0.5 ? '1' : '0');
      });
      // Unseen "purple" is the "other" bucket; "" and the literal "(missing)" are the missing level.
      expect(probabilities[2 * 5 + 1]).toBeCloseTo(byHand(Number.NaN, ''), 6);
    } finally {
      await session.release();
    }
  });

  it('a corrupted weight fails parity, with the worst rows listed', async () => {
    const run = await train('shop', ['tier', 'spend']);
    const file = readModelFile(artifact(run.modelSha256!)) as LogisticFile;
    const version = (await api.client.call('data.show', { ref: 'shop' })).version;
    const split = (await api.client.call('data.splits', { ref: 'shop' })).find((s) => s.id === run.splitId)!;
    const data = { versionFile: artifact(version.sha256), splitFile: artifact(split.sha256) };
    const about = { id: run.id, name: run.name };

    const faithful = await checkParity(file, exportOnnx(file, about), data);
    expect(faithful).toMatchObject({ passed: true, labelMismatches: 0, rowsOutOfTolerance: 0 });

    // The graph gets a's weight off by 1; the app keeps the real one.
    const corrupted: LogisticFile = { ...file, state: { ...file.state, weights: file.state.weights.map((v, j) => (j === 0 ? v + 1 : v)) } };
    const report = await checkParity(file, exportOnnx(corrupted, about), data);
    expect(report.passed).toBe(false);
    expect(report.rows).toBe(faithful.rows);
    expect(report.rowsOutOfTolerance).toBeGreaterThan(report.rows / 2);
    expect(report.labelMismatches).toBeGreaterThan(0);
    expect(report.worst).toHaveLength(10);
    // Label mismatches first, each row's diff the largest over its probabilities.
    const mismatched = report.worst.filter((r) => r.inAppLabel !== r.onnxLabel);
    expect(report.worst.slice(0, mismatched.length)).toEqual(mismatched);
    for (const r of report.worst) expect(r.diff).toBeCloseTo(Math.max(...r.inApp.map((v, k) => Math.abs(v! - r.onnx[k]!))), 12);
    expect(Math.max(...report.worst.map((r) => r.diff))).toBeLessThanOrEqual(report.maxAbsDiff);

    // The CLI's words name the failure and list the rows.
    const words = describeExport({ file: 'm.onnx', bytes: 1, sha256: 'x', run: { ...about, model: 'logistic', task: 'binary' }, inputs: [], outputs: ['label', 'probabilities'], classes: ['false', 'true'], parity: report, seconds: { export: 0, parity: 0 } });
    expect(words).toMatch(/FAILED/);
    expect(words).toContain('largest differences');
    expect(words).toContain(String(report.worst[0]!.row));
  });
});
