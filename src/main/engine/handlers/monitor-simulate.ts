import fs from 'node:fs';
import path from 'node:path';
import type { SimulateOutcome } from '../../../shared/monitor/models';
import type { HandlerMap } from '../context';
import { addLabels } from '../monitor/labels';
import { liveVersion } from '../monitor/live-version';
import { pullTarget } from '../monitor/pull';
import { simulateTraffic } from '../monitor/simulate';
import { temporaryName } from '../store/artifacts';

export const monitorSimulateHandlers = {
  /**
   * Sample traffic from the workspace: the rows are sent by the engine (on its thread: the work is
   * waiting on the server), then their labels are added and the log pulled, so the Monitor pages fill
   * in one click. Fails at once when nothing is live on the target or the dataset is unknown.
   */
  'monitor.simulate': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const live = liveVersion(store, args.target);
    const version = store.datasets.resolve(args.from).version;
    const total = Math.min(args.rows ?? version.rows, version.rows);
    const title = `Send ${total} rows of ${version.datasetName}@${version.version} to ${live.version.model} v${live.version.version} on ${live.target.name}`;
    return jobs.startOnEngine('monitor.simulate', args, title, async (task) => {
      const labelsFile = args.labels ? path.join(store.artifacts.root, temporaryName('simulate-labels', '.csv')) : undefined;
      try {
        const sent = await simulateTraffic(ctx, {
          target: live.target.name,
          from: version.id,
          rate: args.rate,
          ...(args.rows ? { rows: args.rows } : {}),
          shifts: args.shifts,
          ...(args.shiftAfterRows !== undefined ? { shiftAfterRows: args.shiftAfterRows } : {}),
          ...(labelsFile ? { labelsOut: labelsFile } : {}),
          signal: task.signal,
          onProgress: (p) => task.progress(0.9 * (p.rowsSent / Math.max(1, total)), `sending: ${p.rowsSent} of ${total} rows, ${p.errors} errors`),
          progressEveryMs: 250,
        });
        task.log(`${sent.rowsSent} rows sent in ${sent.requests} requests (${sent.rowsShifted} shifted), ${sent.errors} errors, ${sent.achievedRate.toFixed(1)} rows/s`);
        const outcome: SimulateOutcome = { target: live.target.name, model: sent.model, version: sent.version, rowsSent: sent.rowsSent, requests: sent.requests, errors: sent.errors, rowsShifted: sent.rowsShifted, achievedRate: sent.achievedRate, firstError: sent.firstError, labelsAdded: null, alertsRaised: null };
        if (labelsFile && sent.labelsWritten > 0) {
          task.progress(0.92, 'adding the labels');
          const added = await addLabels(store, { target: live.target.name, path: labelsFile, idColumn: 'request_id', labelColumn: 'label', rowColumn: 'row' }, ctx.identity);
          outcome.labelsAdded = added.added;
          task.log(`${added.added} labels added from ${version.datasetName}'s ${version.target ?? 'target'} column`);
        }
        if (args.pull) {
          task.progress(0.96, 'pulling the prediction log');
          const pulled = await pullTarget(ctx, store.deploy.target(live.target.name));
          outcome.alertsRaised = pulled.alertsRaised;
          task.log(`pulled ${pulled.records} requests (${pulled.rows} rows); ${pulled.alertsRaised} new alerts`);
        }
        task.progress(1, 'done');
        return outcome;
      } finally {
        if (labelsFile) fs.rmSync(labelsFile, { force: true });
      }
    });
  },
} satisfies Partial<HandlerMap>;
