import path from 'node:path';
import type { Command } from 'commander';
import { SOURCE_FILE, simulateTraffic, type Shift, type SimulateProgress } from '../../engine/monitor/simulate';
import { emit, stopSignal, UsageError, type CliIo, type RunCommand } from '../output';
import { collect, intOption, numberOption } from '../parse-options';
import { startEngine } from '../project-engine';

interface Flags {
  target?: string;
  from?: string;
  rate?: number;
  rows?: number;
  shift?: string[];
  shiftAfter?: number;
  shiftAt?: string;
  batch?: number;
  labelsOut?: string;
  project?: string;
  json?: boolean;
}

/** `income=income*1.5` → {feature: 'income', expression: 'income*1.5'}: the first '=' splits. */
function parseShift(text: string): Shift {
  const at = text.indexOf('=');
  const feature = text.slice(0, at).trim();
  const expression = text.slice(at + 1).trim();
  if (at < 1 || !feature || !expression) throw new UsageError(`--shift takes feature=SQL-expression (e.g. income=income*1.5 or plan='premium'), got "${text}"`);
  return { feature, expression };
}

const line = (p: SimulateProgress) => `${p.rowsSent} rows sent in ${p.requests} requests, ${p.errors} errors, ${p.achievedRate.toFixed(1)} rows/s${p.rowsShifted ? `, ${p.rowsShifted} shifted` : ''}`;

/** A dataset reference stays as it is; anything that looks like a file is taken from the current folder. */
const sourceArg = (io: CliIo, from: string) => (SOURCE_FILE.test(from) ? path.resolve(io.cwd, from) : from);

/** `mlcycle simulate`: replays rows against a deployment at a steady rate, optionally shifting features, to rehearse monitoring. */
export function registerSimulate(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('simulate')
    .description("Replay rows against a target's live model at a steady rate, shifting features from a chosen point, to rehearse monitoring before real traffic")
    .option('--target <name>', 'the deploy target (required)')
    .option('--from <source>', 'a dataset of the project (name, name@version or version id) or a .csv/.parquet file (required)')
    .option('--rate <n>', 'rows per second (required)', numberOption('--rate'))
    .option('--rows <n>', 'send at most this many rows (default: all)', intOption('--rows'))
    .option('--shift <feature=expr>', "from the shift point on, the feature takes this DuckDB SQL expression over the row's columns (repeatable), e.g. income=income*1.5 or plan='premium'", collect)
    .option('--shift-after <n>', 'shift from this many rows on (default 0)', intOption('--shift-after'))
    .option('--shift-at <time>', 'shift the rows sent from this ISO time on')
    .option('--batch <n>', 'rows per request (default 1)', intOption('--batch'), 1)
    .option('--labels-out <file>', "write request_id,row,label from the source's target column for each row the server accepted (for mlcycle labels add)")
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the summary as JSON {rowsSent, requests, errors, achievedRate, rowsShifted, stopped, labelsWritten, …}')
    .action((opts: Flags) =>
      run(async () => {
        if (!opts.target) throw new UsageError('name the target: mlcycle simulate --target NAME --from DATASET --rate N');
        if (!opts.from) throw new UsageError('name the rows to send: --from DATASET or --from file.csv');
        if (opts.rate === undefined) throw new UsageError('give the rate in rows per second: --rate N');
        if (opts.shiftAfter !== undefined && opts.shiftAt !== undefined) throw new UsageError('shift after a number of rows (--shift-after) or at a time (--shift-at), not both');
        const shifts = (opts.shift ?? []).map(parseShift);
        const session = startEngine();
        const controller = new AbortController();
        // Ctrl-C stops sending; the requests on their way finish and the summary is printed.
        void stopSignal().then(() => controller.abort());
        try {
          await session.client.call('project.open', { dir: path.resolve(io.cwd, opts.project ?? '.') });
          const summary = await simulateTraffic(session.engine.context, {
            target: opts.target,
            from: sourceArg(io, opts.from),
            rate: opts.rate,
            ...(opts.rows !== undefined ? { rows: opts.rows } : {}),
            batch: opts.batch ?? 1,
            shifts,
            ...(opts.shiftAfter !== undefined ? { shiftAfterRows: opts.shiftAfter } : {}),
            ...(opts.shiftAt !== undefined ? { shiftAt: opts.shiftAt } : {}),
            ...(opts.labelsOut ? { labelsOut: path.resolve(io.cwd, opts.labelsOut) } : {}),
            signal: controller.signal,
            ...(opts.json ? {} : { onProgress: (p: SimulateProgress) => io.out(`${line(p)}\n`) }),
          });
          emit(io, opts.json, summary, () =>
            [
              `${summary.stopped ? 'Stopped' : 'Done'}: ${line(summary)} to ${summary.model} v${summary.version} on ${summary.target} (${summary.sourceRows} rows to send, ${summary.seconds.toFixed(1)} s)`,
              summary.firstError ? `first error: ${summary.firstError}` : '',
              opts.labelsOut ? `${summary.labelsWritten} labels written to ${opts.labelsOut} (add them with: mlcycle labels add ${opts.labelsOut} --target ${summary.target})` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
          return summary.errors > 0 && summary.errors === summary.requests ? 1 : 0;
        } finally {
          await session.dispose();
        }
      }, opts.json),
    );
}
