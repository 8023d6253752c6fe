import type { Command } from 'commander';
import { parseLink, LINK_KINDS, type DecisionLink } from '../../../shared/governance/decisions';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { collect, intOption } from '../parse-options';
import { withProject } from '../project-engine';

export function registerLog(program: Command, io: CliIo, run: RunCommand): void {
  const log = program.command('log').description('The decision log: who decided what and why, with every objective and policy change');

  log
    .command('list', { isDefault: true })
    .description('Show the timeline, newest first: decisions and objective, policy and people changes')
    .option('--decisions', 'only the decisions')
    .option('--limit <n>', 'how many entries', intOption('--limit'), 100)
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; decisions?: boolean; limit: number; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (opts.decisions) {
              const list = await client.call('decisions.list', { limit: opts.limit });
              emit(io, opts.json, list, () =>
                list.length === 0
                  ? 'No decisions recorded yet.'
                  : list
                      .map((d) => [`${d.decidedAt.slice(0, 10)}  ${d.author}  ${d.title}`, d.why ? `    why: ${d.why}` : '', d.links.length ? `    links: ${d.links.map((l) => `${l.kind}:${l.ref}`).join(', ')}` : ''].filter(Boolean).join('\n'))
                      .join('\n'),
              );
              return;
            }
            const timeline = await client.call('governance.timeline', { limit: opts.limit });
            emit(io, opts.json, timeline, () =>
              timeline.length === 0
                ? 'Nothing recorded yet.'
                : timeline.map((t) => [`${t.at.slice(0, 16).replace('T', ' ')}  ${t.kind.padEnd(9)} ${t.who}  ${t.title}`, ...(t.detail ? t.detail.split('\n').map((l) => `    ${l}`) : [])].join('\n')).join('\n'),
            );
          }),
        opts.json,
      ),
    );

  log
    .command('add')
    .description('Record a decision')
    .argument('<title>', 'what was decided, in one line')
    .option('--why <text>', 'the reasoning')
    .option('--details <text>', 'anything else worth keeping')
    .option('--link <kind:ref>', `what it concerns (repeatable); kind: ${LINK_KINDS.join(', ')}`, collect)
    .option('--date <yyyy-mm-dd>', 'when it was decided, if not today')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((title: string, opts: { project?: string; why?: string; details?: string; link?: string[]; date?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const links: DecisionLink[] = (opts.link ?? []).map((text) => {
              const link = parseLink(text);
              if (!link) throw new UsageError(`--link takes kind:ref with kind one of ${LINK_KINDS.join(', ')}; got "${text}"`);
              return link;
            });
            const decision = await client.call('decisions.add', { decision: { title, why: opts.why ?? '', details: opts.details ?? '', links, decidedAt: opts.date } });
            emit(io, opts.json, decision, () => `Recorded decision #${decision.id}: ${decision.title}`);
          }),
        opts.json,
      ),
    );
}
