import { Command, CommanderError } from 'commander';
import { ENGINE_VERSION } from '../engine/version';
import { registerAudit } from './commands/audit';
import { registerBrief } from './commands/brief';
import { registerData } from './commands/data';
import { registerEvaluate, registerTrain } from './commands/train';
import { registerExport } from './commands/export';
import { registerLog } from './commands/log';
import { registerObjective } from './commands/objective';
import { registerPeople } from './commands/people';
import { registerPolicy } from './commands/policy';
import { registerStatus } from './commands/status';
import { registerInfo } from './commands/info';
import { registerInit } from './commands/init';
import { registerJobs } from './commands/jobs';
import { registerKeys } from './commands/keys';
import { registerPackage, registerScore } from './commands/package';
import { registerRegistry } from './commands/registry';
import { registerServe } from './commands/serve';
import { registerDeploy, registerTargets } from './commands/deploy';
import { registerMonitor } from './commands/monitor';
import { registerDrift } from './commands/drift';
import { registerSimulate } from './commands/simulate';
import { registerLabels } from './commands/labels';
import { registerPipeline } from './commands/pipeline';
import { registerRecent } from './commands/recent';
import { registerUi } from './commands/ui';
import { UsageError, reportError, type CliIo, type RunCommand } from './output';

/** Exit statuses: 0 done, 1 the operation failed, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function buildProgram(io: CliIo): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const run: RunCommand = async (work, json) => {
    try {
      const status = await work();
      if (typeof status === 'number') exitCode = status;
    } catch (error) {
      if (error instanceof UsageError) {
        io.err(`mlcycle: ${error.message}\nRun "mlcycle --help" for usage.\n`);
        exitCode = EXIT.usage;
      } else exitCode = reportError(io, json, error);
    }
  };

  const program = new Command('mlcycle')
    .description('MLCycle: carry one model from objective to data, training, deployment and monitoring.')
    .version(ENGINE_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  program.showSuggestionAfterError(true);
  program.configureHelp({ sortSubcommands: false });

  for (const register of [registerInit, registerUi, registerInfo, registerStatus, registerObjective, registerPeople, registerPolicy, registerLog, registerBrief, registerData, registerTrain, registerEvaluate, registerExport, registerJobs, registerPackage, registerScore, registerRegistry, registerServe, registerTargets, registerDeploy, registerMonitor, registerDrift, registerSimulate, registerLabels, registerPipeline, registerKeys, registerAudit, registerRecent]) register(program, io, run);
  for (const command of allCommands(program)) command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run with --help for usage)');

  return { program, exitCode: () => exitCode };
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allCommands(child)]);
}

/** Parses argv and runs the command; resolves to the process exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { program, exitCode } = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode();
}
