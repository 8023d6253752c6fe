import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataBenchmarks } from './data.bench';
import { driftBenchmarks } from './drift.bench';
import { foundationBenchmarks } from './foundation.bench';
import { gbdtBenchmarks } from './gbdt.bench';
import { scoreBenchmarks } from './score.bench';
import { serveBenchmarks } from './serve.bench';
import { trainBenchmarks } from './train.bench';
import { fmt, type Figure } from './stats';

/**
 * `npm run bench [-- suite…]`: runs the named suites (default: all but the slow `data-10m`), prints
 * the figures and writes them as one Markdown table to test-results/bench.md with the machine.
 * Data benchmarks run the built CLI: `npm run build` first. `serve` soaks the server with 1M requests;
 * MLCYCLE_BENCH_SOAK=20000 makes a quick run (and MLCYCLE_BENCH_NO_PIN=1 lets server and load
 * generator share every core instead of pinning them apart).
 */
const suites: Array<[string, () => Promise<Figure[]>]> = [
  ['foundation', foundationBenchmarks],
  ['data', () => dataBenchmarks(1_000_000)],
  ['data-10m', () => dataBenchmarks(10_000_000)],
  ['train', () => trainBenchmarks(1_000_000)],
  ['gbdt', () => gbdtBenchmarks()],
  ['score', () => scoreBenchmarks(1_000_000)],
  ['drift', () => driftBenchmarks()],
  ['serve', () => serveBenchmarks({ soakRequests: Number(process.env.MLCYCLE_BENCH_SOAK ?? 1_000_000) })],
];
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !suites.some(([suite]) => suite === name));
if (unknown.length) {
  process.stderr.write(`unknown benchmark suite ${unknown.join(', ')}; suites: ${suites.map(([s]) => s).join(', ')}\n`);
  process.exit(2);
}
const chosen = suites.filter(([name]) => (asked.length ? asked.includes(name) : name !== 'data-10m'));

const figures: Figure[] = [];
for (const [name, run] of chosen) {
  process.stdout.write(`running ${name} benchmarks...\n`);
  figures.push(...(await run()));
}

const machine = `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${process.platform}-${process.arch}`;
const lines = [
  `# MLCycle benchmarks`,
  '',
  `Measured ${new Date().toISOString()} on ${machine}.`,
  '',
  '| benchmark | metric | value | unit |',
  '| --- | --- | ---: | --- |',
  ...figures.map((f) => `| ${f.benchmark} | ${f.metric} | ${fmt(f.value)} | ${f.unit} |`),
  '',
];
const markdown = lines.join('\n');
process.stdout.write(`\n${markdown}`);
const out = path.resolve('test-results', 'bench.md');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, markdown);
process.stdout.write(`\nwritten to ${out}\n`);
process.exit(0);
