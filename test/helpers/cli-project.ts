import path from 'node:path';
import { expect } from 'vitest';
import { mlcycle } from './cli';

/**
 * A project at `<dir>/<name>` for CLI tests, worked on as `user` with its own MLCYCLE_HOME under
 * `dir` (the project is not made: `mlcycle init` is up to the test). `run` adds `--project`; `json`
 * also adds `--json`, expects exit 0 and parses what was printed.
 */
export function cliProject(dir: string, name: string, user = 'ana') {
  const env = { MLCYCLE_HOME: path.join(dir, 'home'), MLCYCLE_USER: user };
  const project = path.join(dir, name);
  const run = (args: string[]) => mlcycle([...args, '--project', project], { env });
  const json = (args: string[]) => {
    const result = run([...args, '--json']);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  return { env, project, run, json };
}
