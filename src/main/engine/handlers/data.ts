import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { EngineContext, HandlerMap } from '../context';
import type { Job } from '../../../shared/contract/models';
import { redactSecrets } from '../../../shared/redact';
import type { Analysis } from '../../../shared/data/analysis';
import type { DatasetVersion } from '../../../shared/data/models';
import type { Profile } from '../../../shared/data/profile';
import type { Recipe } from '../../../shared/data/recipe';
import type { ImportResult } from '../data/import-task';
import type { CleanResult } from '../data/clean-task';
import { firstFailingStep, parquetSource, recipeSql } from '../data/recipe-sql';
import type { SplitResult } from '../data/split-task';
import { ident, lit } from '../data/sql';

/** The extra column that carries a preview's row count (the recipe's result on the whole sample). */
const PREVIEW_TOTAL = '__mlcycle_preview_rows';

/** BIGINTs, dates and other non-JSON values become strings; numbers that fit stay numbers. */
function jsonValue(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return String(value);
}

/** The column a call works on: named, or the target; refused in words when there is neither. */
function requireColumn(method: string, version: DatasetVersion, column: string | null | undefined): string {
  if (!column) throw new MlcycleError('INVALID_ARGUMENT', `Invalid argument for ${method}: 'column': name the column, or choose a target first`, { field: 'column' });
  if (!version.columns.some((c) => c.name === column)) {
    throw new MlcycleError('INVALID_ARGUMENT', `Invalid argument for ${method}: 'column': ${version.datasetName}@${version.version} has no column '${column}'`, { field: 'column' });
  }
  return column;
}

/** Runs a recipe over a version as a job; the result is a new version whose parent and recipe are recorded. */
function startClean(ctx: EngineContext, ref: string, recipe: Recipe, name?: string): Job {
  const { store, jobs } = ctx.session.require();
  const { version } = store.datasets.resolve(ref);
  const params = { file: store.artifacts.pathOf(version.sha256), recipe, parentColumns: version.columns, tempDir: store.artifacts.root };
  const labels = recipe.steps.filter((s) => s.op === 'label').reduce((n, s) => n + (s.op === 'label' ? s.values.length : 0), 0);
  const title = labels ? `Label ${labels} rows of ${version.datasetName}@${version.version}` : `Clean ${version.datasetName}@${version.version} (${recipe.steps.length} steps)`;
  return jobs.start('data.clean', params, title, (raw, job) => {
    const result = raw as CleanResult;
    try {
      store.artifacts.adoptFile(result.tempFile, result.sha256, 'application/vnd.apache.parquet');
      const target = version.target && result.columns.some((c) => c.name === version.target) ? version.target : null;
      const { version: made, reused } = store.datasets.addVersion(
        {
          name: name ?? version.datasetName,
          sha256: result.sha256,
          rows: result.rows,
          bytes: result.bytes,
          columns: result.columns,
          target,
          source: { kind: labels ? 'labels' : 'recipe', parent: `${version.datasetName}@${version.version}`, ...(labels ? { labels, by: ctx.identity } : {}) },
          parentId: version.id,
          recipe,
          rejectedRows: 0,
          rejectSample: [],
          jobId: job.id,
        },
        ctx.identity,
      );
      return { datasetId: made.datasetId, versionId: made.id, name: made.datasetName, version: made.version, rows: made.rows, parent: `${version.datasetName}@${version.version}`, reused, ...(labels ? { labels } : {}) };
    } finally {
      fs.rmSync(result.tempFile, { force: true });
    }
  });
}

export const dataHandlers = {
  'data.import': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const tempDir = store.artifacts.root;
    const source = args.source;
    const label = source.kind === 'postgres' ? 'from PostgreSQL' : source.kind === 'url' ? source.url : source.kind === 'sqlite' ? `${path.basename(source.path)}:${source.table}` : path.basename(source.path);
    return jobs.start('data.import', { source: args.source, options: args.options, tempDir }, `Import ${label}`, (raw, job) => {
      const result = raw as ImportResult;
      try {
        store.artifacts.adoptFile(result.tempFile, result.sha256, 'application/vnd.apache.parquet');
        const { version, reused } = store.datasets.addVersion(
          {
            name: args.options.name ?? result.suggestedName,
            sha256: result.sha256,
            rows: result.rows,
            bytes: result.bytes,
            columns: result.columns,
            target: args.options.target ?? null,
            source: redactSecrets(args.source),
            rejectedRows: result.rejectedRows,
            rejectSample: result.rejectSample,
            jobId: job.id,
          },
          ctx.identity,
        );
        // A reused version may carry another target or column treatment: the profile describes this import's.
        const profiled = result.profile && JSON.stringify([version.columns, version.target]) === JSON.stringify([result.columns, args.options.target ?? null]);
        if (profiled) store.datasets.saveProfile({ ...result.profile!, versionId: version.id });
        return { datasetId: version.datasetId, versionId: version.id, name: version.datasetName, version: version.version, rows: version.rows, rejectedRows: result.rejectedRows, reused, profiled: Boolean(profiled) };
      } finally {
        fs.rmSync(result.tempFile, { force: true });
      }
    });
  },
  'data.list': (_args, ctx) => ctx.session.require().store.datasets.list(),
  'data.show': (args, ctx) => {
    const { store } = ctx.session.require();
    const { dataset, version } = store.datasets.resolve(args.ref);
    return { dataset, version, versions: store.datasets.versions(dataset.id) };
  },
  'data.rows': async (args, ctx) => {
    const project = ctx.session.require();
    const { version } = project.store.datasets.resolve(args.ref);
    const file = project.store.artifacts.pathOf(version.sha256);
    const con = await project.duck.con();
    const reader = await con.runAndReadAll(`SELECT * FROM read_parquet(${lit(file)}) LIMIT ${args.limit} OFFSET ${args.offset}`);
    return { columns: version.columns, rows: reader.getRows().map((row) => row.map(jsonValue)), offset: args.offset, total: version.rows };
  },
  'data.profile': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const { version } = store.datasets.resolve(args.ref);
    const cached = args.force ? null : store.datasets.profile(version.id);
    if (cached) return { profile: cached, job: null };
    // One profile job per version at a time: a second request joins the running one.
    const running = jobs.list(200).find((j) => j.kind === 'data.profile' && (j.status === 'running' || j.status === 'queued') && (j.params as { versionId?: string }).versionId === version.id);
    if (running) return { profile: null, job: running };
    if (!args.start) return { profile: null, job: null };
    const settings = JSON.stringify([version.columns, version.target]);
    const params = { versionId: version.id, file: store.artifacts.pathOf(version.sha256), columns: version.columns, target: version.target };
    const job = jobs.start('data.profile', params, `Profile ${version.datasetName}@${version.version}`, (raw) => {
      const profile = raw as Profile;
      // The target or a column's treatment changed while it ran: this profile describes old settings.
      const now = store.datasets.version(version.id);
      const current = JSON.stringify([now.columns, now.target]) === settings;
      if (current) store.datasets.saveProfile(profile);
      return { versionId: profile.versionId, seconds: profile.seconds, warnings: profile.warnings.length, cached: current };
    });
    return { profile: null, job };
  },
  'data.split': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const { version } = store.datasets.resolve(args.ref);
    const column = args.column ?? (args.strategy === 'stratified' ? version.target : null);
    if (args.strategy !== 'random' && !column) {
      const what = args.strategy === 'stratified' ? 'a column to stratify by (or choose a target)' : args.strategy === 'time' ? 'the time column' : 'the group column';
      throw new MlcycleError('INVALID_ARGUMENT', `Invalid argument for data.split: 'column': a ${args.strategy} split needs ${what}`, { field: 'column' });
    }
    if (column && !version.columns.some((c) => c.name === column)) {
      throw new MlcycleError('INVALID_ARGUMENT', `Invalid argument for data.split: 'column': ${version.datasetName}@${version.version} has no column '${column}'`, { field: 'column' });
    }
    const params = { file: store.artifacts.pathOf(version.sha256), strategy: args.strategy, column, ratios: args.ratios, seed: args.seed, tempDir: store.artifacts.root };
    const name = args.name ?? `${version.datasetName}@${version.version} ${args.strategy} ${args.ratios.join('/')} seed ${args.seed}`;
    return jobs.start('data.split', params, `Split ${version.datasetName}@${version.version} (${args.strategy})`, (raw) => {
      const result = raw as SplitResult;
      try {
        store.artifacts.adoptFile(result.tempFile, result.sha256, 'application/vnd.apache.parquet');
        return store.splits.add({ name, versionId: version.id, strategy: args.strategy, column, ratios: args.ratios, seed: args.seed, counts: result.counts, sha256: result.sha256, createdBy: ctx.identity });
      } finally {
        fs.rmSync(result.tempFile, { force: true });
      }
    });
  },
  'data.splits': (args, ctx) => {
    const { store } = ctx.session.require();
    return store.splits.list(args.ref ? store.datasets.resolve(args.ref).version.id : undefined);
  },
  'data.preview': async (args, ctx) => {
    const project = ctx.session.require();
    const { version } = project.store.datasets.resolve(args.ref);
    const file = project.store.artifacts.pathOf(version.sha256);
    const con = await project.duck.con();
    // A fixed-seed sample keeps the preview stable while the user edits the recipe.
    const sample = (rowNumbers: boolean) => `(SELECT * FROM ${parquetSource(file)(rowNumbers)} USING SAMPLE ${args.sample} ROWS (reservoir, 42))`;
    await firstFailingStep(args.recipe, sample, async (sql) => void (await con.run(`DESCRIBE ${sql}`)));
    // The count rides along as a window over the same query, so it describes the very rows shown.
    const reader = await con.runAndReadAll(`SELECT *, COUNT(*) OVER () AS ${ident(PREVIEW_TOTAL)} FROM (${recipeSql(args.recipe, sample)}) LIMIT ${args.limit}`);
    const names = reader.columnNames().slice(0, -1);
    const columns = names.map((name, i) => ({ name, type: String(reader.columnTypes()[i]), semantic: version.columns.find((c) => c.name === name)?.semantic ?? 'categorical' as const }));
    const rows = reader.getRows();
    return {
      sql: recipeSql(args.recipe, parquetSource(`${version.datasetName}@${version.version}.parquet`)),
      page: { columns, rows: rows.map((row) => row.slice(0, -1).map(jsonValue)), offset: 0, total: rows.length ? Number(rows[0]![names.length]) : 0 },
    };
  },
  'data.clean': (args, ctx) => startClean(ctx, args.ref, args.recipe, args.name),
  'data.label': (args, ctx) => {
    const { version } = ctx.session.require().store.datasets.resolve(args.ref);
    const column = requireColumn('data.label', version, args.column ?? version.target);
    const outside = args.values.find((v) => v.row >= version.rows);
    if (outside) throw new MlcycleError('INVALID_ARGUMENT', `Invalid argument for data.label: 'values': row ${outside.row} is past the last row (${version.rows - 1})`, { field: 'values' });
    return startClean(ctx, args.ref, { steps: [{ op: 'label', column, values: args.values, by: ctx.identity }] });
  },
  'data.unlabelled': async (args, ctx) => {
    const project = ctx.session.require();
    const { version } = project.store.datasets.resolve(args.ref);
    const column = ident(requireColumn('data.unlabelled', version, args.column ?? version.target));
    const file = parquetSource(project.store.artifacts.pathOf(version.sha256));
    const con = await project.duck.con();
    const reader = await con.runAndReadAll(`SELECT * FROM ${file(true)} WHERE ${column} IS NULL ORDER BY file_row_number LIMIT ${args.limit} OFFSET ${args.offset}`);
    const total = Number((await con.runAndReadAll(`SELECT COUNT(*) AS n FROM ${file(false)} WHERE ${column} IS NULL`)).getRowObjects()[0]!.n);
    const at = reader.columnNames().indexOf('file_row_number');
    const rows = reader.getRows();
    return {
      rowNumbers: rows.map((r) => Number(r[at])),
      page: { columns: version.columns, rows: rows.map((r) => r.filter((_v, i) => i !== at).map(jsonValue)), offset: args.offset, total },
    };
  },
  'data.analyze': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const { version } = store.datasets.resolve(args.ref);
    const k = args.k ?? 0;
    const cached = args.force ? null : store.datasets.analysis(version.id, k);
    if (cached) return { analysis: cached, job: null };
    const params = { versionId: version.id, file: store.artifacts.pathOf(version.sha256), columns: version.columns, target: version.target, k };
    const job = jobs.start('data.analyze', params, `Analyse ${version.datasetName}@${version.version}`, (raw) => {
      const analysis = raw as Analysis;
      store.datasets.saveAnalysis(k, analysis);
      return { versionId: analysis.versionId, k: analysis.clusters.k, seconds: analysis.seconds };
    });
    return { analysis: null, job };
  },
  'data.setColumn': (args, ctx) => {
    const { store } = ctx.session.require();
    const { version } = store.datasets.resolve(args.ref);
    if (!version.columns.some((c) => c.name === args.column)) {
      throw new MlcycleError('INVALID_ARGUMENT', `'column': dataset ${version.datasetName}@${version.version} has no column '${args.column}'`, { field: 'column' });
    }
    const columns = version.columns.map((c) => (c.name === args.column && args.semantic ? { ...c, semantic: args.semantic } : c));
    const target = args.target === true ? args.column : args.target === false && version.target === args.column ? null : version.target;
    return store.datasets.annotate(version.id, columns, target);
  },
} satisfies Partial<HandlerMap>;

