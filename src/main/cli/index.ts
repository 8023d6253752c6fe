import { processIo } from './output';
import { runCli } from './program';

/** Entry of the `mlcycle` command (bin/mlcycle.js loads the built copy of this file). */
runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mlcycle: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
