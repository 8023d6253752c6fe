import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';
import { readPackage } from '../../src/main/engine/signing/verify';
import type { Signature } from '../../src/main/engine/registry/package-docs';
import { SCORE_THREADS, scoreSessionOptions } from '../../src/main/engine/registry/score-session';
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
/** Scores `input` through the CLI and reads the job's own result and phase log. */
function scoreFile(bench: ReturnType<typeof benchGbdtPackage>, input: string, out: string) {
  const scored = timedCli(['score', bench.pkg, input, '--out', out, '--project', bench.project, '--json'], bench.env);
  const job = (JSON.parse(bench.cli(['jobs', 'list', '--json'])) as Array<{ id: string; kind: string }>).find((j) => j.kind === 'models.score')!;
  const shown = JSON.parse(bench.cli(['jobs', 'show', job.id, '--json'])) as { result: { seconds: number; rows: number }; log: Array<{ message: string }> };
  // The job's own account of where its time went ("waiting for DuckDB to read: 0.41 s").
  const phases = shown.log.flatMap((l) => {
    const m = /^(.+): ([\d.]+) s$/.exec(l.message);
    return m ? [{ phase: m[1]!, seconds: Number(m[2]) }] : [];
  });
  return { scored, result: shown.result, phases };
}

/**
 * `npm run bench -- score`: 1M rows of the benchmark data through a GBDT package (100 trees of
 * depth 6), as `mlcycle score` runs it, from the CSV and from the same rows as Parquet (how a
 * dataset version is stored): rows per second, peak RSS, and the ratio to the floor.
 */
export async function scoreBenchmarks(rows = 1_000_000): Promise<Figure[]> {
  const bench = benchGbdtPackage(rows, 'mlcycle-bench-score-');
  const { csv, pkg, dir, cleanup } = bench;
  const parquet = path.join(dir, 'rows.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
  con.closeSync();
  instance.closeSync();
  const fromCsv = scoreFile(bench, csv, path.join(dir, 'scores.csv'));
  const fromParquet = scoreFile(bench, parquet, path.join(dir, 'scores-from-parquet.csv'));
  const contents = readPackage(pkg).contents;
  const floor = await bareSessionSeconds(contents.get('model.onnx')!, JSON.parse(Buffer.from(contents.get('signature.json')!).toString()) as Signature, csv);
  cleanup();
  const label = (from: string) => `Score ${(rows / 1e6).toLocaleString('en')}M rows × 19 inputs from ${from} through a GBDT package (100 trees, depth 6)`;
  const figures = (from: string, run: ReturnType<typeof scoreFile>): Figure[] => [
    { benchmark: label(from), metric: 'rows per second (inside the job: read, score, write CSV)', value: run.result.rows / run.result.seconds, unit: 'rows/s' },
    { benchmark: label(from), metric: 'whole command, wall (CLI start to exit)', value: run.scored.seconds, unit: 's' },
    { benchmark: label(from), metric: 'peak RSS', value: run.scored.maxRssMb, unit: 'MB' },
    { benchmark: label(from), metric: 'ratio to the floor (job seconds / floor seconds; target ≤ 1.3)', value: run.result.seconds / floor, unit: '×' },
    ...run.phases.map((p) => ({ benchmark: `Score job phase (${from}): ${p.phase}`, metric: 'seconds inside the job', value: p.seconds, unit: 's' })),
  ];
  return [
    { benchmark: label('either'), metric: 'bare session.run over pre-built tensors (the floor; faster of spinning and not)', value: floor, unit: 's' },
    ...figures('CSV', fromCsv),
    ...figures('Parquet', fromParquet),
  ];
}
