import { processIo } from './output';
import { runCli } from './program';

/** Entry of the `mlcycle` command (bin/mlcycle.js loads the built copy of this file). */
// Benchmarks set MLCYCLE_REPORT_RESOURCES to read this process's peak memory and CPU time.
if (process.env.MLCYCLE_REPORT_RESOURCES) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`mlcycle-resources ${JSON.stringify({ maxRssMb: usage.maxRSS / 1024, userCpuS: usage.userCPUTime / 1e6, systemCpuS: usage.systemCPUTime / 1e6 })}\n`);
  });
}

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mlcycle: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
