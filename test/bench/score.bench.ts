import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';
import { readPackage } from '../../src/main/engine/signing/verify';
import type { Signature } from '../../src/main/engine/registry/package-docs';
import { scoreSessionOptions } from '../../src/main/engine/registry/score-session';
import { SCORE_THREADS } from '../../src/main/engine/registry/score-task';
import { benchGbdtPackage } from './bench-package';
import { timedCli } from './data.bench';
import type { Figure } from './stats';

/**
 * The floor: onnxruntime-node's session.run alone over tensors built beforehand from the same rows,
 * in the same batch size, with the same thread count — what scoring costs without reading the file
 * or writing the results. The job's session does not spin its idle threads (its reader needs the
 * core); the floor runs both ways and keeps the faster, so it stays the best session.run can do
 * whichever of the two this machine favours.
 */
async function bareSessionSeconds(model: Uint8Array, signature: Signature, csv: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const columns = (await con.runAndReadAll(`SELECT ${signature.inputs.map((i) => (i.datatype === 'FP32' ? `"${i.name}"::DOUBLE` : `COALESCE("${i.name}"::VARCHAR, '')`)).join(', ')} FROM read_csv('${csv}')`)).getColumns();
  con.closeSync();
  instance.closeSync();
  const rows = columns[0]!.length;
  const batch = 65_536;
  const feeds: Array<Record<string, ort.Tensor>> = [];
  for (let start = 0; start < rows; start += batch) {
    const end = Math.min(rows, start + batch);
    feeds.push(
      Object.fromEntries(
        signature.inputs.map((input, j) => [
          input.name,
          input.datatype === 'FP32'
            ? new ort.Tensor('float32', Float32Array.from(columns[j]!.slice(start, end), (v) => (v === null ? Number.NaN : (v as number))), [end - start, 1])
            : new ort.Tensor('string', columns[j]!.slice(start, end) as string[], [end - start, 1]),
        ]),
      ),
    );
  }
  let best = Number.POSITIVE_INFINITY;
  for (const options of [{ intraOpNumThreads: SCORE_THREADS }, scoreSessionOptions(SCORE_THREADS)]) {
    const session = await ort.InferenceSession.create(model, options);
    const started = performance.now();
    for (const f of feeds) await session.run(f);
    best = Math.min(best, (performance.now() - started) / 1000);
    await session.release();
  }
  return best;
}

/**
 * `npm run bench -- score`: 1M rows of the benchmark data through a GBDT package (100 trees of
 * depth 6), as `mlcycle score` runs it: rows per second, peak RSS, and the ratio to the floor.
 */
export async function scoreBenchmarks(rows = 1_000_000): Promise<Figure[]> {
  const { csv, pkg, dir, project, env, cli, cleanup } = benchGbdtPackage(rows, 'mlcycle-bench-score-');
  const out = path.join(dir, 'scores.csv');
  const scored = timedCli(['score', pkg, csv, '--out', out, '--project', project, '--json'], env);
  const job = JSON.parse(cli(['jobs', 'list', '--json'])).find((j: { kind: string }) => j.kind === 'models.score');
  const result = JSON.parse(cli(['jobs', 'show', job.id, '--json'])).result as { seconds: number; rows: number };
  const contents = readPackage(pkg).contents;
  const floor = await bareSessionSeconds(contents.get('model.onnx')!, JSON.parse(Buffer.from(contents.get('signature.json')!).toString()) as Signature, csv);
  cleanup();
  const label = `Score ${(rows / 1e6).toLocaleString('en')}M rows × 19 inputs through a GBDT package (100 trees, depth 6)`;
  return [
    { benchmark: label, metric: 'rows per second (inside the job: read, score, write CSV)', value: result.rows / result.seconds, unit: 'rows/s' },
    { benchmark: label, metric: 'whole command, wall (CLI start to exit)', value: scored.seconds, unit: 's' },
    { benchmark: label, metric: 'peak RSS', value: scored.maxRssMb, unit: 'MB' },
    { benchmark: label, metric: 'bare session.run over pre-built tensors (the floor; faster of spinning and not)', value: floor, unit: 's' },
    { benchmark: label, metric: 'ratio to the floor (job seconds / floor seconds; target ≤ 1.3)', value: result.seconds / floor, unit: '×' },
  ];
}
