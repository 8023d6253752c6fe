import path from 'node:path';
import type { Command } from 'commander';
import type { Client } from '../../../shared/client';
import { toApiError } from '../../../shared/contract/errors';
import type { GateReport } from '../../../shared/governance/gates';
import type { ModelVersion, VersionDetail } from '../../../shared/registry/models';
import type { ScoreResult } from '../../../shared/package/models';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { completed } from './data';

interface Common {
  project?: string;
  json?: boolean;
}

/** "3", "v3" → 3; anything else is an alias such as champion. */
function versionRef(text: string): number | string {
  const m = /^v?(\d+)$/i.exec(text.trim());
  return m ? Number(m[1]) : text.trim();
}

const mark = (passed: boolean, required: boolean) => (passed ? 'PASS' : required ? 'FAIL' : 'skip');
const gateLines = (report: GateReport) => report.gates.map((g) => `  ${mark(g.passed, g.required)}  ${g.gate.padEnd(15)} ${g.reason}`);

function metricSummary(v: ModelVersion): string {
  const entries = Object.entries(v.testMetrics).filter(([, x]) => typeof x === 'number');
  return entries.slice(0, 3).map(([k, x]) => `${k} ${Number(x!.toPrecision(4))}`).join(', ') || '—';
}

function describeVersion(d: VersionDetail): string {
  const v = d.version;
  const p = v.parity;
  return [
    `${v.model} v${v.version}${v.aliases.length ? ` [${v.aliases.join(', ')}]` : ''} — run ${v.runName} (${v.learner}, ${v.task}) on ${v.dataset}`,
    `registered by ${v.createdBy} on ${v.createdAt.slice(0, 19).replace('T', ' ')}; package ${v.packageSha256.slice(0, 16)}… signed by key ${v.signer}`,
    v.description ? `description: ${v.description}` : '',
    v.tags.length ? `tags: ${v.tags.join(', ')}` : '',
    `test metrics: ${metricSummary(v)}`,
    `parity: ${p.passed ? 'passed' : 'FAILED'} on ${p.rows.toLocaleString('en')} ${p.set} rows, max |difference| ${p.maxAbsDiff.toExponential(2)}, ${p.labelMismatches} label mismatches`,
    `latency p99 ${v.latencyP99Ms === null ? '—' : `${v.latencyP99Ms.toFixed(3)} ms`}, model.onnx ${v.modelSizeMb.toFixed(2)} MB`,
    `approvals: ${v.approvals.length ? v.approvals.map((a) => `${a.by} (${a.role}, ${a.at.slice(0, 10)})${a.comment ? `: "${a.comment}"` : ''}`).join('; ') : 'none'}`,
    'gates for promotion to champion:',
    ...gateLines(d.gates),
    `lineage: ${d.lineage.nodes.map((n) => n.label).join(' → ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** `mlcycle registry list|show|register|describe|alias|approve|promote|export|score`. */
export function registerRegistry(program: Command, io: CliIo, run: RunCommand): void {
  const registry = program.command('registry').description('The model registry: numbered versions of signed packages, aliases (champion, challenger, …), approvals and gated promotion');
  const inProject = <O extends Common>(opts: O, body: (client: Client) => Promise<void | number>) => run(() => withProject(io, opts.project, body), opts.json);
  const common = (c: Command, json: string) => c.option('--project <dir>', 'project folder (default: current folder)').option('--json', json);

  common(registry.command('list').description('List registered models, or the versions of one').argument('[model]', 'a registered model: list its versions'), 'print [RegisteredModel] or, with a model, [ModelVersion]').action(
    (model: string | undefined, opts: Common) =>
      inProject(opts, async (client) => {
        if (!model) {
          const models = await client.call('registry.list', {});
          emit(io, opts.json, models, () =>
            models.length
              ? table([['MODEL', 'VERSIONS', 'LATEST', 'ALIASES', 'TAGS'], ...models.map((m) => [m.name, String(m.versions), m.latestVersion ? `v${m.latestVersion}` : '—', Object.entries(m.aliases).map(([a, v]) => `${a}=v${v}`).join(' ') || '—', m.tags.join(', ') || '—'])])
              : 'No registered models yet. Register a finished run: mlcycle registry register <run>',
          );
          return;
        }
        const versions = await client.call('registry.versions', { model });
        emit(io, opts.json, versions, () =>
          table([
            ['VERSION', 'ALIASES', 'RUN', 'LEARNER', 'TEST METRICS', 'PARITY', 'APPROVALS', 'REGISTERED', 'TAGS'],
            ...versions.map((v) => [`v${v.version}`, v.aliases.join(' ') || '—', v.runName, v.learner, metricSummary(v), v.parity.passed ? 'passed' : 'FAILED', String(v.approvals.length), `${v.createdAt.slice(0, 10)} ${v.createdBy}`, v.tags.join(', ') || '—']),
          ]),
        );
      }),
  );

  common(registry.command('show').description('A version in full: metrics, parity, approvals, the gates a promotion would run, lineage').argument('<model>').argument('<version>', 'number (3 or v3) or alias'), 'print VersionDetail').action(
    (model: string, version: string, opts: Common) =>
      inProject(opts, async (client) => {
        const detail = await client.call('registry.version', { model, version: versionRef(version) });
        emit(io, opts.json, detail, () => describeVersion(detail));
      }),
  );

  common(
    registry
      .command('register')
      .description("Package a finished run (ONNX export, parity on its full test split, signing) and register it as the model's next version; a failed parity registers nothing")
      .argument('<run>', 'run id or name')
      .option('--model <name>', "registered model name (default: the run's name, made URL-safe)")
      .option('--description <text>', 'what this version is')
      .option('--tag <tag...>', 'tags (repeat or list)'),
    'print the new ModelVersion',
  ).action((ref: string, opts: Common & { model?: string; description?: string; tag?: string[] }) =>
    inProject(opts, async (client) => {
      const job = await client.call('registry.register', { run: ref, ...(opts.model ? { model: opts.model } : {}), description: opts.description ?? '', tags: opts.tag ?? [] });
      const done = await completed(client, job, io, Boolean(opts.json));
      if (!done) {
        if (opts.json) io.out(`${JSON.stringify({ error: (await client.call('jobs.get', { id: job.id })).error }, null, 2)}\n`);
        return 1;
      }
      const v = done.result as ModelVersion;
      emit(io, opts.json, v, () => `Registered ${v.model} v${v.version} (parity passed on ${v.parity.rows.toLocaleString('en')} ${v.parity.set} rows, max |difference| ${v.parity.maxAbsDiff.toExponential(2)}).\nNext: mlcycle registry show ${v.model} ${v.version}`);
    }),
  );

  common(
    registry
      .command('describe')
      .description('Set the description and/or tags of a model, or of one of its versions')
      .argument('<model>')
      .argument('[version]', 'number or alias (default: the model itself)')
      .option('--description <text>', 'the new description')
      .option('--tag <tag...>', 'the new tags (replace the old ones)'),
    'print the model or version',
  ).action((model: string, version: string | undefined, opts: Common & { description?: string; tag?: string[] }) =>
    inProject(opts, async (client) => {
      if (opts.description === undefined && opts.tag === undefined) throw new UsageError('give --description and/or --tag');
      const result = await client.call('registry.describe', { model, ...(version ? { version: versionRef(version) } : {}), ...(opts.description !== undefined ? { description: opts.description } : {}), ...(opts.tag ? { tags: opts.tag } : {}) });
      emit(io, opts.json, result, () => `Updated ${model}${version ? ` ${version}` : ''}.`);
    }),
  );

  common(
    registry
      .command('alias')
      .description("Point an alias (challenger, staging, …) at a version, or remove it with --remove; the champion alias moves only by promote")
      .argument('<model>')
      .argument('<alias>')
      .argument('[version]', 'version number (omit with --remove)')
      .option('--remove', 'remove the alias'),
    'print the model with its aliases',
  ).action((model: string, alias: string, version: string | undefined, opts: Common & { remove?: boolean }) =>
    inProject(opts, async (client) => {
      if (!opts.remove && !version) throw new UsageError(`name the version for ${alias}, or pass --remove`);
      const n = version ? versionRef(version) : null;
      if (typeof n === 'string') throw new UsageError(`an alias points at a version number, not '${version}'`);
      const m = await client.call('registry.alias', { model, alias, version: opts.remove ? null : n });
      emit(io, opts.json, m, () => (opts.remove ? `Removed ${alias} from ${model}.` : `${model}: ${alias} → v${n}.`));
    }),
  );

  common(
    registry.command('approve').description('Approve a version for promotion, as yourself (your role comes from the project people)').argument('<model>').argument('<version>', 'number or alias').option('--comment <text>', 'why you approve'),
    'print the approval {id, by, role, comment, at}',
  ).action((model: string, version: string, opts: Common & { comment?: string }) =>
    inProject(opts, async (client) => {
      const a = await client.call('registry.approve', { model, version: versionRef(version), comment: opts.comment ?? '' });
      emit(io, opts.json, a, () => `Approved ${model} ${version} as ${a.by} (${a.role}).`);
    }),
  );

  common(registry.command('promote').description('Run the gates and, when every required one passes, make the version the champion; exit 1 naming each failed gate').argument('<model>').argument('<version>', 'number or alias'), 'print {version, alias, previous, gates}').action(
    (model: string, version: string, opts: Common) =>
      inProject(opts, async (client) => {
        try {
          const r = await client.call('registry.promote', { model, version: versionRef(version) });
          emit(io, opts.json, r, () => [`${model} v${r.version.version} is now the ${r.alias}${r.previous ? ` (was v${r.previous})` : ''}.`, ...gateLines(r.gates)].join('\n'));
        } catch (error) {
          const e = toApiError(error);
          if (e.code !== 'GATE_FAILED') throw error;
          if (opts.json) io.out(`${JSON.stringify({ error: e }, null, 2)}\n`);
          io.err(`mlcycle: ${e.message}\n${gateLines(e.details!.gates as GateReport).join('\n')}\n`);
          return 1;
        }
      }),
  );

  common(registry.command('export').description("Write a version's signed package: a new folder, or a file ending in .mlpkg").argument('<model>').argument('<version>', 'number or alias').requiredOption('--out <dir|file.mlpkg>', 'where to write it'), 'print {out, bytes, sha256}').action(
    (model: string, version: string, opts: Common & { out: string }) =>
      inProject(opts, async (client) => {
        const r = await client.call('registry.export', { model, version: versionRef(version), out: path.resolve(io.cwd, opts.out) });
        emit(io, opts.json, r, () => `Wrote ${r.out}. Check it anywhere with: mlcycle package verify ${r.out}`);
      }),
  );

  common(
    registry
      .command('score')
      .description("Score a CSV or Parquet file through a registered version's package (as mlcycle score)")
      .argument('<model>')
      .argument('<version>', 'number or alias, e.g. champion')
      .argument('<input>', '.csv or .parquet file')
      .requiredOption('--out <file>', '.csv or .parquet file to write')
      .option('--id <column>', 'a column to copy beside each prediction'),
    'print {out, rows, scored, invalid, rejectSample, seconds, rowsPerSecond}',
  ).action((model: string, version: string, input: string, opts: Common & { out: string; id?: string }) =>
    inProject(opts, async (client) => {
      const job = await client.call('registry.score', { model, version: versionRef(version), input: path.resolve(io.cwd, input), out: path.resolve(io.cwd, opts.out), ...(opts.id ? { id: opts.id } : {}) });
      const done = await completed(client, job, io, Boolean(opts.json));
      if (!done) return 1;
      const r = done.result as ScoreResult;
      emit(io, opts.json, r, () => `Scored ${r.scored.toLocaleString('en')} of ${r.rows.toLocaleString('en')} rows into ${r.out}${r.invalid ? `; ${r.invalid} rows had invalid values (see the error column)` : ''}.`);
    }),
  );
}
