import type { Command } from 'commander';
import path from 'node:path';
import { DEFAULT_POLICY, POLICY_HELP, type Policy } from '../../../shared/governance/policy';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { collect } from '../parse-options';
import { withProject } from '../project-engine';
import { readJsonFile } from '../read-json';

/** Every setting as [dotted path, value], in document order. */
export function policyLeaves(policy: unknown, prefix = ''): Array<[string, unknown]> {
  return Object.entries(policy as Record<string, unknown>).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) ? policyLeaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/**
 * Applies `path=value` assignments. The value is read as JSON when it parses (numbers, booleans,
 * null, lists), else as text; a list setting also takes comma-separated words.
 */
export function applyPolicySettings(current: Policy, assignments: string[]): Policy {
  const next = structuredClone(current) as unknown as Record<string, Record<string, unknown>>;
  const known = new Map(policyLeaves(DEFAULT_POLICY));
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    if (at <= 0) throw new UsageError(`--set takes path=value, e.g. promotion.approvals.required=2; got "${assignment}"`);
    const key = assignment.slice(0, at).trim();
    const raw = assignment.slice(at + 1).trim();
    if (!known.has(key)) throw new UsageError(`unknown policy setting '${key}'. Settings: ${[...known.keys()].join(', ')}`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = Array.isArray(known.get(key)) ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
    }
    const parts = key.split('.');
    let node: Record<string, unknown> = next;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return next as unknown as Policy;
}

export function registerPolicy(program: Command, io: CliIo, run: RunCommand): void {
  const policy = program.command('policy').description('Show or change the promotion, monitoring, retraining and retention policy');

  policy
    .command('show', { isDefault: true })
    .description('Show every policy setting (defaults marked), with --explain for what each does')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--explain', 'add one line per setting on what it does and why the default is what it is')
    .option('--history', 'list every saved version with what changed')
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; explain?: boolean; history?: boolean; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (opts.history) {
              const history = await client.call('policy.history');
              emit(io, opts.json, history, () =>
                history.length === 0
                  ? 'The policy has not been changed from the defaults.'
                  : history
                      .map((v) => [`v${v.version}  ${v.changedAt}  ${v.changedBy}${v.note ? `  — ${v.note}` : ''}`, ...v.changes.map((c) => `    ${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`)].join('\n'))
                      .join('\n'),
              );
              return;
            }
            const record = await client.call('policy.get');
            const defaults = new Map(policyLeaves(DEFAULT_POLICY));
            emit(io, opts.json, record, () =>
              [
                record.version === 0 ? 'Policy: the defaults (never changed)' : `Policy version ${record.version}, by ${record.changedBy} at ${record.changedAt}`,
                '',
                ...policyLeaves(record.value).flatMap(([key, value]) => {
                  const isDefault = JSON.stringify(value) === JSON.stringify(defaults.get(key));
                  const line = `${key.padEnd(36)} ${JSON.stringify(value)}${isDefault ? '' : `   (default ${JSON.stringify(defaults.get(key))})`}`;
                  return opts.explain ? [line, `    ${POLICY_HELP[key] ?? ''}`] : [line];
                }),
              ].join('\n'),
            );
          }),
        opts.json,
      ),
    );

  policy
    .command('set')
    .description('Change settings with --set path=value (repeatable), or replace the policy with --file')
    .option('--set <path=value>', 'e.g. promotion.approvals.required=2 or promotion.approvals.roles=reviewer,product_owner', collect)
    .option('--file <policy.json>', 'the whole policy as JSON (same shape as `policy show --json` .value)')
    .option('--note <text>', 'why this change was made (shown in the history)')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the saved version as JSON')
    .action((opts: { project?: string; set?: string[]; file?: string; note?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.file && !opts.set?.length) throw new UsageError('say what to change: --set path=value or --file policy.json');
            const current = await client.call('policy.get');
            const next = opts.file ? (readJsonFile(path.resolve(io.cwd, opts.file)) as Policy) : applyPolicySettings(current.value, opts.set!);
            const saved = await client.call('policy.set', { policy: next, note: opts.note ?? '' });
            emit(io, opts.json, saved, () => (saved.version === current.version ? `No changes; the policy stays at version ${saved.version}.` : `Saved policy version ${saved.version}.`));
          }),
        opts.json,
      ),
    );
}
