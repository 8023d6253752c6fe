import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_POLICY, Policy } from '../../../shared/governance/policy';
import type { FeatureDrift } from '../../../shared/monitor/feature-drift';
import { fileDrift, type FileDriftReport } from '../../engine/monitor/file-drift';
import { emit, reportError, table, UsageError, type CliIo, type RunCommand } from '../output';

/** Exit statuses of `mlcycle drift`, so a script or CI step can branch on the verdict. */
export const DRIFT_EXIT = { noDrift: 0, drift: 1, cannotCompare: 2 } as const;

/** A statistic or p-value in three significant digits; a dash where there is none. */
export const driftNumber = (x: number | null) => (x === null ? '—' : Number(x.toPrecision(3)).toString());

/** The per-feature table `monitor drift` and `drift` print. */
export function featureDriftTable(features: FeatureDrift[]): string {
  return table([
    ['FEATURE', 'TEST', 'STATISTIC', 'P-VALUE', 'DRIFT', 'NOTE'],
    ...features.map((f) => [
      f.feature,
      f.test,
      driftNumber(f.statistic),
      driftNumber(f.pValue),
      f.warning ? '—' : f.drifted ? 'yes' : 'no',
      f.warning ?? [f.newCategories.length ? `new: ${f.newCategories.slice(0, 3).join(', ')}` : '', f.outOfRange ? `${f.outOfRange} out of range` : ''].filter(Boolean).join('; '),
    ]),
  ]);
}

/** "dataset DRIFTED (3 of 5 judged features drifted)". */
export function datasetVerdict(dataset: FileDriftReport['dataset']): string {
  return `dataset ${dataset.drifted ? 'DRIFTED' : 'not drifted'} (${dataset.driftedFeatures.length} of ${dataset.judged} judged features drifted)`;
}

interface Flags {
  reference?: string;
  current?: string;
  columns?: string;
  numericTest?: string;
  categoricalTest?: string;
  pValue?: string;
  threshold?: string;
  json?: boolean;
}

const MONITORING = Policy.shape.monitoring.unwrap();

/** The policy's monitoring defaults with the flags applied; a bad value is a usage error naming the flag. */
export function driftPolicy(flags: Flags): Policy['monitoring'] {
  const policy = { ...DEFAULT_POLICY.monitoring };
  const choose = <T extends string>(flag: string, value: string | undefined, options: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    if (!(options as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${options.join(', ')} (got '${value}')`);
    return value as T;
  };
  const number = (flag: string, value: string | undefined, ok: (x: number) => boolean, range: string): number | undefined => {
    if (value === undefined) return undefined;
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UsageError(`${flag} must be ${range} (got '${value}')`);
    return x;
  };
  policy.numericTest = choose('--numeric-test', flags.numericTest, MONITORING.shape.numericTest.unwrap().options) ?? policy.numericTest;
  policy.categoricalTest = choose('--categorical-test', flags.categoricalTest, MONITORING.shape.categoricalTest.unwrap().options) ?? policy.categoricalTest;
  policy.pValue = number('--p-value', flags.pValue, (x) => x > 0 && x < 1, 'between 0 and 1') ?? policy.pValue;
  const threshold = number('--threshold', flags.threshold, (x) => x > 0, 'a number above 0');
  if (threshold !== undefined) Object.assign(policy, { distanceThreshold: threshold, psiThreshold: threshold });
  return policy;
}

/** The verdict, the table and what was left out; the files named as the user typed them. */
function describe(r: FileDriftReport, referenceName: string, currentName: string): string {
  const rows = (n: number) => n.toLocaleString('en');
  const reference = `${referenceName} (${r.reference.kind === 'package' ? `package profile of ${rows(r.reference.rows)} training rows` : `${rows(r.reference.rows)} rows`})`;
  return [
    `${currentName} (${rows(r.current.rows)} rows) against ${reference}: ${datasetVerdict(r.dataset)}`,
    featureDriftTable(r.features),
    r.notCompared.length ? `Not compared: ${r.notCompared.map((c) => `${c.column} (${c.reason})`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** `mlcycle drift --reference <file|package> --current <file>`: two files compared, no project needed. */
export function registerDrift(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('drift')
    .description(
      'Compare two data files, no project needed: drift of each column of --current against --reference (a data file, or a model package’s reference profile), and of the whole dataset. Exit status 0: no dataset drift; 1: dataset drift; 2: the files could not be compared',
    )
    .option('--reference <file|package>', 'a .csv/.tsv, .parquet or .json/.ndjson file, or a model package (.mlpkg file or folder)')
    .option('--current <file>', 'a .csv/.tsv, .parquet or .json/.ndjson file')
    .option('--columns <a,b,...>', 'compare only these columns (each must be in both)')
    .option('--numeric-test <test>', 'auto, ks, wasserstein or psi (auto: Kolmogorov–Smirnov up to 1,000 reference rows, Wasserstein above)')
    .option('--categorical-test <test>', 'auto, chisquare, jensenshannon or psi (auto: chi-square up to 1,000 reference rows, Jensen–Shannon above)')
    .option('--p-value <p>', `KS and chi-square flag drift below this p-value (default ${DEFAULT_POLICY.monitoring.pValue})`)
    .option('--threshold <x>', `Wasserstein, Jensen–Shannon and PSI flag drift at or above this (default ${DEFAULT_POLICY.monitoring.distanceThreshold}, PSI ${DEFAULT_POLICY.monitoring.psiThreshold})`)
    .option('--json', 'print the report {reference, current, features: [{feature, test, statistic, pValue, threshold, drifted, rows, warning, newCategories, outOfRange}], dataset, notCompared, policy}')
    .action((opts: Flags) =>
      run(async () => {
        if (!opts.reference || !opts.current) throw new UsageError('name both files: mlcycle drift --reference <file|package> --current <file>');
        const policy = driftPolicy(opts);
        const columns = opts.columns?.split(',').map((c) => c.trim()).filter(Boolean);
        if (opts.columns !== undefined && !columns?.length) throw new UsageError('--columns needs at least one column name: --columns a,b');
        let report: FileDriftReport;
        try {
          report = await fileDrift(path.resolve(io.cwd, opts.reference), path.resolve(io.cwd, opts.current), { policy, ...(columns ? { columns } : {}) });
        } catch (error) {
          // 1 means "drifted" here, so any failure to compare is 2.
          reportError(io, opts.json, error);
          return DRIFT_EXIT.cannotCompare;
        }
        emit(io, opts.json, report, () => describe(report, opts.reference!, opts.current!));
        return report.dataset.drifted ? DRIFT_EXIT.drift : DRIFT_EXIT.noDrift;
      }, opts.json),
    );
}
