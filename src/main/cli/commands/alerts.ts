import { Option, type Command } from 'commander';
import { ALERT_SIGNALS, type Alert, type AlertRule } from '../../../shared/monitor/models';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { intOption, numberOption } from '../parse-options';
import { withProject } from '../project-engine';

interface Common {
  project?: string;
  json?: boolean;
}

const SEVERITIES = ['info', 'warning', 'critical'];
const short = (id: string) => id.slice(0, 8);
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

function alertsTable(alerts: Alert[]): string {
  if (!alerts.length) return 'No alerts.';
  return table([
    ['ID', 'RAISED (UTC)', 'TARGET', 'SEVERITY', 'STATUS', 'MESSAGE'],
    ...alerts.map((a) => [short(a.id), when(a.raisedAt), a.target, a.severity, a.status === 'open' ? 'open' : `acked by ${a.ackedBy}`, a.message]),
  ]);
}

function rulesTable(rules: AlertRule[]): string {
  if (!rules.length) return 'No alert rules: add one with mlcycle monitor rules set';
  return table([
    ['ID', 'TARGET', 'SIGNAL', 'FIRES WHEN', 'WINDOW', 'SEVERITY', 'ENABLED'],
    ...rules.map((r) => [r.id, r.target ?? '(every target)', r.signal, `${r.comparison === 'above' ? '≥' : '≤'} ${r.threshold}`, `${r.windowMinutes} min`, r.severity, r.enabled ? 'yes' : 'no']),
  ]);
}

interface RuleFlags extends Common {
  id?: string;
  signal?: string;
  above?: number;
  below?: number;
  windowMinutes?: number;
  severity?: string;
  target?: string;
  allTargets?: boolean;
  disabled?: boolean;
  enabled?: boolean;
}

/** `mlcycle monitor alerts|ack|rules|webhook`: alert history, acknowledging, the rules and the webhook. */
export function registerAlerts(monitor: Command, io: CliIo, run: RunCommand): void {
  const project = (c: Command) => c.option('--project <dir>', 'project folder (default: current folder)');

  project(monitor.command('alerts').description('Alerts raised by the rules, newest first'))
    .option('--open', 'only alerts nobody has acknowledged')
    .option('--target <name>', 'only this target')
    .option('--json', 'print [Alert]')
    .action((opts: Common & { open?: boolean; target?: string }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const alerts = await client.call('monitor.alerts.list', { status: opts.open ? 'open' : 'all', ...(opts.target ? { target: opts.target } : {}) });
            emit(io, opts.json, alerts, () => alertsTable(alerts));
          }),
        opts.json,
      ),
    );

  project(monitor.command('ack').description('Acknowledge an alert as yourself (MLCYCLE_USER or your profile name)').argument('<id>', 'the alert id, or its first characters as listed'))
    .option('--comment <text>', 'what was done or why it is fine')
    .option('--json', 'print the Alert')
    .action((id: string, opts: Common & { comment?: string }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const a = await client.call('monitor.alerts.ack', { id, ...(opts.comment ? { comment: opts.comment } : {}) });
            emit(io, opts.json, a, () => `Acknowledged ${short(a.id)} (${a.target}) as ${a.ackedBy}.`);
          }),
        opts.json,
      ),
    );

  const rules = project(monitor.command('rules').description('The alert rules (a new project starts with defaults from its policy)'))
    .option('--json', 'print [AlertRule] (set: the AlertRule; remove: {removed})')
    .action((opts: Common) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const list = await client.call('monitor.rules.list', {});
            emit(io, opts.json, list, () => rulesTable(list));
          }),
        opts.json,
      ),
    );

  // `rules` owns --project and --json: commander gives them to the parent even when written after
  // `set` or `remove`, so those read them through optsWithGlobals() and show them in their help.
  rules
    .command('set')
    .description('Add a rule, or change the one named by --id (flags not given keep their value)')
    .configureHelp({ showGlobalOptions: true })
    .option('--id <id>', 'the rule to change (see mlcycle monitor rules)')
    .addOption(new Option('--signal <signal>', 'what the rule watches').choices([...ALERT_SIGNALS]))
    .option('--above <n>', 'fire when the value is at or above n', numberOption('--above'))
    .option('--below <n>', 'fire when the value is at or below n', numberOption('--below'))
    .option('--window-minutes <m>', 'length of the windows the signal is judged on (default 60)', intOption('--window-minutes'))
    .addOption(new Option('--severity <level>', "default: the policy's monitoring.alertSeverity").choices(SEVERITIES))
    .option('--target <name>', 'only this deploy target (default: every target)')
    .option('--all-targets', 'apply to every target (clears --target of an existing rule)')
    .option('--disabled', 'keep the rule but do not evaluate it')
    .option('--enabled', 'evaluate the rule again')
    .action((_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<RuleFlags>();
      return run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (opts.above !== undefined && opts.below !== undefined) throw new UsageError('give --above or --below, not both');
            if (opts.target && opts.allTargets) throw new UsageError('give --target or --all-targets, not both');
            if (opts.disabled && opts.enabled) throw new UsageError('give --disabled or --enabled, not both');
            const base = opts.id ? (await client.call('monitor.rules.list', {})).find((r) => r.id === opts.id) : undefined;
            if (opts.id && !base) throw new UsageError(`no alert rule '${opts.id}'; list them with: mlcycle monitor rules`);
            const comparison = opts.above !== undefined ? 'above' : opts.below !== undefined ? 'below' : base?.comparison;
            const threshold = opts.above ?? opts.below ?? base?.threshold;
            const signal = (opts.signal ?? base?.signal) as AlertRule['signal'] | undefined;
            if (!signal || !comparison || threshold === undefined) throw new UsageError('a new rule needs --signal and --above N or --below N');
            const severity = (opts.severity ?? base?.severity ?? (await client.call('policy.get', {})).value.monitoring.alertSeverity) as AlertRule['severity'];
            const rule = await client.call('monitor.rules.set', {
              ...(opts.id ? { id: opts.id } : {}),
              rule: {
                target: opts.allTargets ? null : (opts.target ?? base?.target ?? null),
                signal,
                comparison,
                threshold,
                windowMinutes: opts.windowMinutes ?? base?.windowMinutes ?? 60,
                severity,
                enabled: opts.disabled ? false : opts.enabled ? true : (base?.enabled ?? true),
              },
            });
            emit(io, opts.json, rule, () => `${opts.id ? 'Changed' : 'Added'} rule ${rule.id}:\n${rulesTable([rule])}`);
          }),
        opts.json,
      );
    });

  rules
    .command('remove')
    .description('Remove a rule (the alerts it raised stay in the history)')
    .configureHelp({ showGlobalOptions: true })
    .argument('<id>', 'the rule id')
    .action((id: string, _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common>();
      return run(
        () =>
          withProject(io, opts.project, async (client) => {
            await client.call('monitor.rules.remove', { id });
            emit(io, opts.json, { removed: id }, () => `Removed rule ${id}.`);
          }),
        opts.json,
      );
    });

  project(monitor.command('webhook').description('Show, set or turn off the URL each raised alert is POSTed to as JSON (see README, Alerts)').argument('[url]', 'an http(s) URL'))
    .option('--off', 'stop posting alerts')
    .option('--json', 'print {url}')
    .action((url: string | undefined, opts: Common & { off?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (url && opts.off) throw new UsageError('give a URL or --off, not both');
            const r = url || opts.off ? await client.call('monitor.webhook.set', { url: opts.off ? null : url! }) : await client.call('monitor.webhook.get', {});
            emit(io, opts.json, r, () => (r.url ? `Alerts are POSTed to ${r.url}` : 'No webhook: alerts show in the app and in mlcycle monitor alerts only.'));
          }),
        opts.json,
      ),
    );
}
