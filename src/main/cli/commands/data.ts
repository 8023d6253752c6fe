import type { Command } from 'commander';
import path from 'node:path';
import type { Client } from '../../../shared/client';
import type { Job } from '../../../shared/contract/models';
import type { DatasetVersion, ImportOptionsInput, ImportSourceInput } from '../../../shared/data/models';
import type { Profile } from '../../../shared/data/profile';
import type { RecipeInput } from '../../../shared/data/recipe';
import { readJsonFile } from '../read-json';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { collect, intOption } from '../parse-options';
import { withProject } from '../project-engine';

/** Waits for a job, drawing a progress line on a terminal; resolves with the finished job. */
export function followJob(client: Client, job: Job, io: CliIo, quiet: boolean): Promise<Job> {
  const tty = !quiet && process.stderr.isTTY;
  return new Promise((resolve) => {
    const done = (j: Job) => {
      if (tty) io.err('\r\x1b[K');
      stop();
      resolve(j);
    };
    const stop = client.on('job.updated', (j) => {
      if (j.id !== job.id) return;
      if (tty) io.err(`\r\x1b[K${Math.round(j.progress * 100)}% ${j.phase ?? ''}`);
      if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(j.status)) done(j);
    });
    void client.call('jobs.get', { id: job.id }).then((j) => {
      if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(j.status)) done(j);
    });
  });
}

/** Follows a job to its end; on failure says why on stderr and gives null (the command exits 1). */
export async function completed(client: Client, job: Job, io: CliIo, quiet: boolean): Promise<Job | null> {
  const finished = await followJob(client, job, io, quiet);
  if (finished.status === 'succeeded') return finished;
  io.err(`mlcycle: ${finished.error?.message ?? `${job.title}: ${finished.status}`}\n`);
  return null;
}

/** The import source a path or URL names: its kind from the URL scheme or the file name, with the CSV flags given. */
export function sourceFrom(input: string, opts: SourceFlags, cwd: string): ImportSourceInput {
  if (/^postgres(ql)?:\/\//.test(input)) {
    if (!opts.table && !opts.query) throw new UsageError('a PostgreSQL import needs --table T or --query Q');
    return { kind: 'postgres', url: input, table: opts.table, query: opts.query };
  }
  if (/^https?:\/\//.test(input)) return { kind: 'url', url: input, format: (opts.format as 'csv' | 'parquet' | 'json' | undefined) ?? 'auto' };
  const file = path.resolve(cwd, input);
  const format = opts.format ?? (/\.parquet$/i.test(file) ? 'parquet' : /\.(json|ndjson|jsonl)$/i.test(file) ? 'json' : /\.(sqlite3?|db)$/i.test(file) ? 'sqlite' : 'csv');
  if (format === 'sqlite') {
    if (!opts.table) throw new UsageError('a SQLite import needs --table T');
    return { kind: 'sqlite', path: file, table: opts.table };
  }
  if (format === 'parquet') return { kind: 'parquet', path: file };
  if (format === 'json') return { kind: 'json', path: file };
  return {
    kind: 'csv',
    path: file,
    delimiter: opts.delimiter === '\\t' ? '\t' : opts.delimiter,
    quote: opts.quote,
    header: opts.header === undefined ? undefined : opts.header !== 'false',
    skipRows: opts.skip,
    nullString: opts.null,
  };
}

function parsePairs(flag: string, values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`${flag} takes column=VALUE, got "${value}"`);
    out[value.slice(0, at)] = value.slice(at + 1);
  }
  return out;
}

/** The flags that say where and how to read a source. */
type SourceFlags = Pick<ImportFlags, 'table' | 'query' | 'format' | 'delimiter' | 'quote' | 'header' | 'skip' | 'null'>;

interface ImportFlags {
  project?: string;
  json?: boolean;
  name?: string;
  table?: string;
  query?: string;
  format?: string;
  delimiter?: string;
  quote?: string;
  header?: string;
  skip?: number;
  null?: string;
  type?: string[];
  as?: string[];
  target?: string;
  skipBadRows?: boolean;
  /** Commander sets false for --no-profile. */
  profile: boolean;
}

function describeVersion(v: DatasetVersion): string {
  return [
    `${v.datasetName}@${v.version}  ${v.rows.toLocaleString('en')} rows × ${v.columns.length} columns  ${(v.bytes / 1e6).toFixed(2)} MB Parquet`,
    `id ${v.id} · sha256 ${v.sha256.slice(0, 16)}… · by ${v.createdBy} at ${v.createdAt}`,
    v.target ? `target: ${v.target}` : 'target: (not chosen)',
    v.rejectedRows ? `${v.rejectedRows} malformed rows skipped, e.g. line ${v.rejectSample[0]?.line}: ${v.rejectSample[0]?.message}` : '',
    '',
    table([['COLUMN', 'TYPE', 'TREATED AS'], ...v.columns.map((c) => [c.name + (c.name === v.target ? ' (target)' : ''), c.type, c.semantic])]),
  ]
    .filter((line, i) => line !== '' || i === 4)
    .join('\n');
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '' : Math.abs(v) >= 1000 || Number.isInteger(v) ? v.toLocaleString('en', { maximumFractionDigits: 2 }) : v.toPrecision(4));

function describeProfile(p: Profile): string {
  const numeric = p.columns.filter((c) => c.numeric);
  const other = p.columns.filter((c) => !c.numeric);
  return [
    `${p.rows.toLocaleString('en')} rows, ${p.columns.length} columns, ${p.duplicateRows.toLocaleString('en')} duplicate rows; profiled in ${p.seconds.toFixed(2)} s`,
    '',
    numeric.length
      ? table([
          ['NUMERIC', 'MISSING', 'DISTINCT≈', 'MEAN', 'STD', 'MIN', 'P25', 'P50', 'P75', 'MAX', 'OUTLIERS(IQR)'],
          ...numeric.map((c) => [c.name, String(c.missing), String(c.distinct), fmt(c.numeric!.mean), fmt(c.numeric!.std), fmt(c.numeric!.min), fmt(c.numeric!.quantiles.p25), fmt(c.numeric!.quantiles.p50), fmt(c.numeric!.quantiles.p75), fmt(c.numeric!.max), String(c.numeric!.outliersIqr)]),
        ])
      : '',
    '',
    other.length
      ? table([['OTHER', 'TYPE', 'MISSING', 'DISTINCT≈', 'TOP VALUES'], ...other.map((c) => [c.name, c.semantic, String(c.missing), String(c.distinct), (c.top ?? []).slice(0, 4).map((t) => `${t.value} (${t.count})`).join(', ') || (c.range ? `${c.range.min} … ${c.range.max}` : '')])])
      : '',
    ...(p.target ? ['', `Target ${p.target.column} (${p.target.kind}); strongest: ${p.target.associations.slice(0, 5).map((a) => `${a.column} ${a.value.toFixed(3)}`).join(', ')}`] : []),
    ...(p.warnings.length ? ['', 'Warnings', ...p.warnings.map((w) => `  - ${w.message}`)] : []),
  ].join('\n');
}

export function registerData(program: Command, io: CliIo, run: RunCommand): void {
  const data = program.command('data').description('Import and inspect datasets (CSV/TSV, Parquet, JSON, SQLite, PostgreSQL, http(s) URLs)');

  data
    .command('import')
    .description('Import a file, URL or database table as a new dataset version (Parquet, content-addressed)')
    .argument('<source>', 'a file path, an http(s) URL, or a postgres:// URL')
    .option('--name <name>', 'dataset name (default: the file or table name); an existing name gets a new version')
    .option('--table <table>', 'table to import (SQLite file or PostgreSQL)')
    .option('--query <sql>', 'query to import (PostgreSQL)')
    .option('--format <format>', 'csv, parquet, json or sqlite (default: from the file name)')
    .option('--delimiter <char>', 'CSV delimiter (default: tab for .tsv, else comma); \\t for tab')
    .option('--quote <char>', 'CSV quote character (default ")')
    .option('--header <true|false>', 'whether the first CSV line names the columns (default true)')
    .option('--skip <n>', 'CSV lines to skip before the header', intOption('--skip'))
    .option('--null <text>', 'CSV text that means missing')
    .option('--type <column=TYPE>', 'storage type for a column, e.g. zip=VARCHAR or day=DATE (repeatable)', collect)
    .option('--as <column=kind>', 'treat a column as numeric, categorical, text, datetime or boolean (repeatable)', collect)
    .option('--target <column>', 'the target column')
    .option('--skip-bad-rows', 'skip malformed rows (counted, with a sample kept) instead of stopping at the first')
    .option('--no-profile', 'skip the profile the import computes for the new version (see `data profile`)')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((input: string, opts: ImportFlags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const options: ImportOptionsInput = {
              name: opts.name,
              onBadRows: opts.skipBadRows ? 'skip' : 'fail',
              types: parsePairs('--type', opts.type),
              semantic: parsePairs('--as', opts.as) as ImportOptionsInput['semantic'],
              target: opts.target,
              profile: opts.profile,
            };
            const job = await client.call('data.import', { source: sourceFrom(input, opts, io.cwd), options });
            const finished = await completed(client, job, io, Boolean(opts.json));
            if (!finished) {
              if (opts.json) emit(io, true, { error: (await client.call('jobs.get', { id: job.id })).error, job: job.id }, () => '');
              return 1;
            }
            const result = finished.result as { name: string; version: number; rows: number; rejectedRows: number; reused: boolean; profiled: boolean };
            const profiled = result.profiled ? ` Its profile: mlcycle data profile ${result.name}@${result.version}` : '';
            emit(io, opts.json, result, () =>
              result.reused
                ? `Same content as ${result.name}@${result.version}; reused it.${profiled}`
                : `Imported ${result.rows.toLocaleString('en')} rows as ${result.name}@${result.version}${result.rejectedRows ? ` (${result.rejectedRows} malformed rows skipped)` : ''}.${profiled}`,
            );
          }),
        opts.json,
      ),
    );

  data
    .command('list', { isDefault: true })
    .description('List datasets with their latest version')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const list = await client.call('data.list');
            emit(io, opts.json, list, () =>
              list.length === 0
                ? 'No datasets yet. Import one with "mlcycle data import FILE".'
                : table([['NAME', 'VERSIONS', 'ROWS', 'COLUMNS', 'TARGET', 'UPDATED'], ...list.map((d) => [d.name, String(d.versions), d.latest.rows.toLocaleString('en'), String(d.latest.columns.length), d.latest.target ?? '', d.latest.createdAt])]),
            );
          }),
        opts.json,
      ),
    );

  data
    .command('profile')
    .description('Profile a dataset version: statistics, histograms, top values, correlations, target association, warnings (cached per version)')
    .argument('<dataset>', 'name, name@version, or id')
    .option('--force', 'compute again even if a profile is cached')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the whole profile as JSON')
    .action((ref: string, opts: { project?: string; force?: boolean; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            let { profile, job } = await client.call('data.profile', { ref, force: Boolean(opts.force) });
            if (!profile && job) {
              if (!(await completed(client, job, io, Boolean(opts.json)))) return 1;
              ({ profile, job } = await client.call('data.profile', { ref }));
            }
            emit(io, opts.json, profile, () => describeProfile(profile!));
          }),
        opts.json,
      ),
    );

  data
    .command('analyze')
    .description('Heavier analyses after the profile: Spearman, isolation-forest anomalies, PCA and k-means clusters (cached per version)')
    .argument('<dataset>', 'name, name@version, or id')
    .option('--k <n>', 'number of clusters (default: chosen by the elbow)', intOption('--k'))
    .option('--force', 'compute again even if cached')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the whole analysis as JSON')
    .action((ref: string, opts: { project?: string; k?: number; force?: boolean; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            let { analysis, job } = await client.call('data.analyze', { ref, k: opts.k, force: Boolean(opts.force) });
            if (!analysis && job) {
              if (!(await completed(client, job, io, Boolean(opts.json)))) return 1;
              ({ analysis, job } = await client.call('data.analyze', { ref, k: opts.k }));
            }
            const a = analysis!;
            emit(io, opts.json, a, () =>
              [
                `Analysed ${a.features.length} numeric features; anomalies, PCA and clusters on a sample of ${a.sampleRows.toLocaleString('en')} rows (${a.seconds.toFixed(2)} s).`,
                `PCA: the first two components explain ${a.pca.explained.map((e) => `${(e * 100).toFixed(1)}%`).join(' and ')} of the variance.`,
                `Clusters: k = ${a.clusters.k} (sizes ${a.clusters.sizes.join(', ')}), silhouette ${a.clusters.silhouette.toFixed(2)}.`,
                `Anomalies: ${a.anomalies.unusual} unusual rows in the sample; most anomalous rows: ${a.anomalies.top.slice(0, 5).map((t) => `${t.row} (${t.score.toFixed(2)})`).join(', ')}.`,
              ].join('\n'),
            );
          }),
        opts.json,
      ),
    );

  data
    .command('clean')
    .description('Apply a cleaning recipe (JSON {steps: [...]}) as a new version with lineage; --preview shows the SQL and first rows on a sample')
    .argument('<dataset>', 'name, name@version, or id')
    .requiredOption('--recipe <file.json>', 'steps: drop, rename, filter, impute, cast, clip, dedupe, derive (see README)')
    .option('--preview', 'only show the SQL and the first rows on a 10,000-row sample')
    .option('--name <name>', 'write the result under another dataset name')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((ref: string, opts: { project?: string; recipe: string; preview?: boolean; name?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const recipe = readJsonFile(path.resolve(io.cwd, opts.recipe)) as RecipeInput;
            if (opts.preview) {
              const { sql, page } = await client.call('data.preview', { ref, recipe, limit: 20 });
              emit(io, opts.json, { sql, page }, () => [sql, '', table([page.columns.map((c) => c.name), ...page.rows.map((r) => r.map((v) => (v === null ? '∅' : String(v))))])].join('\n'));
              return;
            }
            const job = await client.call('data.clean', { ref, recipe, name: opts.name });
            const finished = await completed(client, job, io, Boolean(opts.json));
            if (!finished) return 1;
            const result = finished.result as { name: string; version: number; rows: number; parent: string };
            emit(io, opts.json, result, () => `Wrote ${result.name}@${result.version} (${result.rows.toLocaleString('en')} rows) from ${result.parent}.`);
          }),
        opts.json,
      ),
    );

  data
    .command('label')
    .description('Label rows (the target unless --column): --set ROW=VALUE (repeatable) writes a new version; without --set, lists the rows still unlabelled')
    .argument('<dataset>', 'name, name@version, or id')
    .option('--set <row=value>', 'row position (as listed) and its label; repeatable', collect)
    .option('--column <column>', 'the column to label (default: the target)')
    .option('--limit <n>', 'how many unlabelled rows to list', intOption('--limit'), 20)
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((ref: string, opts: { project?: string; set?: string[]; column?: string; limit: number; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.set?.length) {
              const queue = await client.call('data.unlabelled', { ref, column: opts.column, limit: opts.limit });
              emit(io, opts.json, queue, () =>
                queue.page.total === 0
                  ? 'Every row is labelled.'
                  : [`${queue.page.total.toLocaleString('en')} rows unlabelled; the first ${queue.rowNumbers.length}:`, table([['ROW', ...queue.page.columns.map((c) => c.name)], ...queue.page.rows.map((r, i) => [String(queue.rowNumbers[i]), ...r.map((v) => (v === null ? '∅' : String(v)))])])].join('\n'),
              );
              return;
            }
            const values = Object.entries(parsePairs('--set', opts.set)).map(([row, value]) => {
              if (!/^\d+$/.test(row)) throw new UsageError(`--set takes ROW=VALUE with a row number, got "${row}=${value}"`);
              return { row: Number(row), value };
            });
            const job = await client.call('data.label', { ref, column: opts.column, values });
            const finished = await completed(client, job, io, Boolean(opts.json));
            if (!finished) return 1;
            const result = finished.result as { name: string; version: number; labels: number; parent: string };
            emit(io, opts.json, result, () => `Wrote ${result.name}@${result.version} with ${result.labels} new labels (from ${result.parent}).`);
          }),
        opts.json,
      ),
    );

  data
    .command('split')
    .description('Split a dataset version into train/validation/test and save the assignment (same seed, same split)')
    .argument('<dataset>', 'name, name@version, or id')
    .option('--strategy <strategy>', 'random, stratified, time or group', 'random')
    .option('--target <column>', 'stratify by this column (default: the dataset’s target)')
    .option('--column <column>', 'the time column (time) or the group column (group)')
    .option('--ratios <shares>', 'train,validation,test shares adding up to 1; two shares mean no validation set', '0.7,0.15,0.15')
    .option('--seed <n>', 'random seed', intOption('--seed'), 42)
    .option('--name <name>', 'a name for the split')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the saved split as JSON')
    .action((ref: string, opts: { project?: string; strategy: string; target?: string; column?: string; ratios: string; seed: number; name?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const ratios = opts.ratios.split(',').map(Number);
            if (ratios.some((r) => !Number.isFinite(r))) throw new UsageError(`--ratios takes numbers separated by commas, e.g. 0.7,0.15,0.15; got "${opts.ratios}"`);
            const job = await client.call('data.split', {
              ref,
              strategy: opts.strategy as 'random',
              ratios,
              seed: opts.seed,
              column: opts.strategy === 'stratified' ? opts.target ?? opts.column : opts.column,
              name: opts.name,
            });
            const finished = await completed(client, job, io, Boolean(opts.json));
            if (!finished) return 1;
            const split = finished.result as { id: string; dataset: string; counts: Record<string, number> };
            emit(io, opts.json, split, () => `Split ${split.dataset}: ${Object.entries(split.counts).map(([set, n]) => `${set} ${n.toLocaleString('en')}`).join(', ')} (id ${split.id.slice(0, 8)}).`);
          }),
        opts.json,
      ),
    );

  data
    .command('show')
    .description('Show a dataset version: schema, size, source, target; --rows prints the first rows')
    .argument('<dataset>', 'name, name@version, or id')
    .option('--rows <n>', 'also print the first n rows', intOption('--rows'))
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((ref: string, opts: { project?: string; rows?: number; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const shown = await client.call('data.show', { ref });
            const page = opts.rows ? await client.call('data.rows', { ref, limit: opts.rows }) : null;
            // The version's saved splits, by the ids train --split takes (8 characters, as data split prints them).
            const splits = await client.call('data.splits', { ref: shown.version.id });
            const splitLines = splits.length
              ? ['', table([['SPLIT', 'STRATEGY', 'ROWS (TRAIN / VALIDATION / TEST)', 'SEED', 'NAME'], ...splits.map((s) => [s.id.slice(0, 8), s.strategy, ['train', 'validation', 'test'].map((set) => (s.counts[set] ?? 0).toLocaleString('en')).join(' / '), String(s.seed), s.name])])]
              : [];
            emit(io, opts.json, page ? { ...shown, rows: page.rows } : shown, () =>
              [describeVersion(shown.version), ...splitLines, ...(page ? ['', table([page.columns.map((c) => c.name), ...page.rows.map((r) => r.map((v) => (v === null ? '∅' : String(v))))])] : [])].join('\n'),
            );
          }),
        opts.json,
      ),
    );
}
