import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { cliProject } from '../helpers/cli-project';
import { tempDir } from '../helpers/temp';

/**
 * The five errors a new user is most likely to meet on the sample path, each with a message that
 * says what went wrong and what to do next, and nothing half-done left behind: a wrong file type,
 * no target chosen, a promotion gate not met, a port in use, a server that cannot be reached.
 */
describe('errors a new user meets on the path say what to do next', () => {
  const tmp = tempDir();
  const { env, project, run, json } = cliProject(tmp.dir, 'penguins');
  let blocker: net.Server;
  let busyPort = 0;

  beforeAll(async () => {
    expect(mlcycle(['init', '--sample', project], { env }).status).toBe(0);
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busyPort = (blocker.address() as net.AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    run(['deploy', 'undeploy', '--target', 'laptop']);
    if (blocker.listening) await new Promise<void>((resolve) => blocker.close(() => resolve()));
    tmp.cleanup();
  });

  it('a spreadsheet or an image picked as data: says what the file is and how to import it; imports nothing', () => {
    const workbook = path.join(tmp.dir, 'penguins.xlsx');
    fs.writeFileSync(workbook, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]));
    const xlsx = run(['data', 'import', workbook]);
    expect(xlsx.status).toBe(1);
    expect(xlsx.stderr).toContain(`${workbook} is a zip archive (an Excel .xlsx workbook or a zipped file), not CSV text: save the sheet as CSV (File › Save As › CSV)`);
    const image = path.join(tmp.dir, 'chart.csv');
    fs.writeFileSync(image, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 0)]));
    expect(run(['data', 'import', image]).stderr).toContain('is a PNG image, not CSV text: import a table');
    const parquetNamedCsv = path.join(tmp.dir, 'fake.parquet');
    fs.writeFileSync(parquetNamedCsv, 'species,island\nAdelie,Dream\n');
    expect(run(['data', 'import', parquetNamedCsv]).stderr).toContain('fake.parquet is not a Parquet file: import it as CSV or JSON');
    // Only the sample's own dataset exists.
    expect((json(['data', 'list']) as Array<{ name: string }>).map((d) => d.name)).toEqual(['penguins']);
  });

  it('training with no target chosen: says where to choose it', () => {
    const csv = path.join(tmp.dir, 'birds.csv');
    fs.writeFileSync(csv, 'bill,flipper\n39.1,181\n39.5,186\n40.3,195\n');
    expect(run(['data', 'import', csv]).status).toBe(0);
    const trained = run(['train', '--dataset', 'birds', '--model', 'logistic']);
    expect(trained.status).toBe(1);
    expect(trained.stderr).toContain("Choose what to predict: pass a target column, or set birds's target in the Data workspace (Schema).");
    expect(json(['runs', 'list'])).toEqual([]);
  });

  it('a promotion gate not met: names the gate and who can lift it; the version stays registered', () => {
    const first = run(['pipeline', 'run']);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/gates: Promotion of penguins v1 to champion refused by 1 gate: approvals — Needs 1 approval from a reviewer; has 0\. Ask a reviewer to approve it/);
    expect(first.stderr).toContain('once a reviewer approves it (mlcycle registry approve penguins 1), promote it (mlcycle registry promote penguins 1)');
    const promote = run(['registry', 'promote', 'penguins', '1']);
    expect(promote.status).toBe(1);
    expect(promote.stderr).toMatch(/FAIL\s+approvals\s+Needs 1 approval from a reviewer; has 0\. Ask a reviewer to approve it \(Models › Gates & approvals, or mlcycle registry approve\)/);
    expect(json(['registry', 'list', 'penguins']).map((v: { version: number }) => v.version)).toEqual([1]);
  }, 120_000);

  it('a local target whose port is taken: says so and how to pick a free one; nothing goes live', () => {
    expect(run(['registry', 'approve', 'penguins', '1']).status).toBe(0);
    expect(run(['registry', 'promote', 'penguins', '1']).status).toBe(0);
    expect(run(['targets', 'add', 'laptop', '--kind', 'local', '--port', String(busyPort), '--replace']).status).toBe(0);
    const deploy = run(['deploy', 'penguins@1', '--target', 'laptop']);
    expect(deploy.status).toBe(1);
    expect(deploy.stdout + deploy.stderr).toContain(`Port ${busyPort} is in use on this machine: stop what uses it, or choose another port for target laptop (mlcycle targets add laptop --kind local --port 0 --replace picks a free one`);
    expect(json(['deploy', 'status', '--target', 'laptop']).deployment?.status ?? null).not.toBe('live');
    // With a free port it deploys.
    expect(run(['targets', 'add', 'laptop', '--kind', 'local', '--port', '0', '--replace']).status).toBe(0);
    expect(json(['deploy', 'penguins@1', '--target', 'laptop'])).toMatchObject({ status: 'live' });
  }, 120_000);

  it('a server target nobody answers on: says nothing listens there and what to start', async () => {
    // The port is free again: connections to it are refused.
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    expect(run(['targets', 'add', 'remote', '--kind', 'server', '--url', `http://127.0.0.1:${busyPort}`, '--token', 'abcdefghijkl']).status).toBe(0);
    const test = run(['targets', 'test', 'remote']);
    expect(test.status).toBe(1);
    expect(test.stdout).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${busyPort} cannot be reached \\(.*ECONNREFUSED.*\\): nothing listens there: start \`mlcycle serve\` on that machine, or correct the URL and port of the target`));
    const deploy = run(['deploy', 'penguins@1', '--target', 'remote']);
    expect(deploy.status).toBe(1);
    expect(deploy.stdout).toMatch(/FAIL connect .*nothing listens there/);
  }, 60_000);
});
