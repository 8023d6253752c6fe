import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { htmlToPdf } from '../pdf';
import { withProject } from '../project-engine';

export function registerBrief(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('brief')
    .description('Export the project brief for stakeholders: objective, owners, policies, decision log')
    .option('--format <format>', 'markdown, html, or pdf (printed with Chromium/Chrome; needs --out)', 'markdown')
    .option('--out <file>', 'write to this file (default: print to stdout)')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {filename, mediaType, content} as JSON')
    .action((opts: { project?: string; format: string; out?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (opts.format === 'pdf') {
              if (!opts.out) throw new UsageError('--format pdf needs --out <file.pdf>');
              const html = await client.call('project.brief', { format: 'html' });
              const file = path.resolve(io.cwd, opts.out);
              htmlToPdf(html.content, file, io.env);
              emit(io, opts.json, { filename: path.basename(file), mediaType: 'application/pdf', file }, () => `Wrote ${file}`);
              return;
            }
            const brief = await client.call('project.brief', { format: opts.format as 'markdown' | 'html' });
            if (opts.out) {
              const file = path.resolve(io.cwd, opts.out);
              fs.writeFileSync(file, brief.content);
              emit(io, opts.json, { ...brief, file }, () => `Wrote ${file}`);
            } else if (opts.json) emit(io, true, brief, () => '');
            else io.out(brief.content);
          }),
        opts.json,
      ),
    );
}
