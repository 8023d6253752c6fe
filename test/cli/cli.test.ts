import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/engine/store/migrations';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** The real `mlcycle` command, as a user or a script runs it. */
describe('mlcycle CLI', () => {
  const tmp = tempDir();
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home'), MLCYCLE_USER: 'cli-user' };
  const run = (args: string[], cwd?: string) => mlcycle(args, { env, cwd });
  afterAll(() => tmp.cleanup());

  it('prints help listing every command, and help for each command', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['init', 'ui', 'info', 'status', 'gates', 'objective', 'people', 'policy', 'log', 'brief', 'jobs', 'audit', 'recent']) expect(help.stdout).toContain(command);
    for (const command of [['init'], ['ui'], ['info'], ['jobs'], ['jobs', 'show'], ['audit'], ['recent']]) {
      const sub = run([...command, '--help']);
      expect(sub.status, command.join(' ')).toBe(0);
      expect(sub.stdout).toMatch(/^Usage: mlcycle /);
    }
    expect(run(['ui', '--help']).stdout).toMatch(/--host[\s\S]*--port/);
  });

  it('exits 2 with a clear message on bad usage', () => {
    const none = run([]);
    expect(none.status).toBe(2);
    const unknown = run(['trian']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'trian'");
    const missing = run(['init']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'dir'");
    const badOption = run(['info', '--colour']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--colour'");
    const badPort = run(['ui', '--port', 'eighty']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number');
  });

  it('creates a project with init and describes it with info', () => {
    const dir = path.join(tmp.dir, 'churn');
    const created = run(['init', dir, '--name', 'Churn', '--json']);
    expect(created.status).toBe(0);
    const summary = JSON.parse(created.stdout);
    expect(summary).toMatchObject({ name: 'Churn', dir, createdBy: 'cli-user', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(fs.existsSync(path.join(dir, 'project.db'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'artifacts')).isDirectory()).toBe(true);

    const info = JSON.parse(run(['info', '--project', dir, '--json']).stdout);
    expect(info.project).toEqual(summary);
    // without --project, the current folder is the project
    const here = run(['info'], dir);
    expect(here.status).toBe(0);
    expect(here.stdout).toContain('Churn');
  });

  it('names the folder in the project when init is human-readable', () => {
    const dir = path.join(tmp.dir, 'named-by-folder');
    const out = run(['init', dir]);
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe(`Created project "named-by-folder" in ${dir}`);
  });

  it('exits 1 with the reason when the operation fails', () => {
    const dir = path.join(tmp.dir, 'twice');
    expect(run(['init', dir]).status).toBe(0);
    const again = run(['init', dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds an MLCycle project');
    const notProject = run(['info'], tmp.dir);
    expect(notProject.status).toBe(1);
    expect(notProject.stderr).toContain('is not an MLCycle project');
    const json = run(['info', '--json'], tmp.dir);
    expect(JSON.parse(json.stdout).error.code).toBe('NOT_A_PROJECT');
  });

  it('lists jobs, the audit log and recent projects as JSON for scripts', () => {
    const dir = path.join(tmp.dir, 'audited');
    run(['init', dir, '--name', 'Audited']);
    expect(JSON.parse(run(['jobs', '--project', dir, '--json']).stdout)).toEqual([]);
    const audit = JSON.parse(run(['audit', '--project', dir, '--json']).stdout);
    expect(audit).toEqual([expect.objectContaining({ actor: 'cli-user', action: 'project.create', outcome: 'ok', target: 'Audited' })]);
    const recent = JSON.parse(run(['recent', '--json']).stdout) as Array<{ dir: string }>;
    expect(recent[0]!.dir).toBe(dir);
    expect(run(['jobs', '--project', dir]).stdout.trim()).toBe('No jobs yet.');
  });

  it('prints its version', () => {
    const version = run(['--version']);
    expect(version.status).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
