import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { foundationBenchmarks } from './foundation.bench';
import { fmt, type Figure } from './stats';

/**
 * `npm run bench`: runs every benchmark, prints the figures and writes them as one Markdown table
 * to test-results/bench.md with the machine they were measured on.
 */
const suites: Array<[string, () => Promise<Figure[]>]> = [['foundation', foundationBenchmarks]];

const figures: Figure[] = [];
for (const [name, run] of suites) {
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
