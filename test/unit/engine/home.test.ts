import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHomeDir, resolveIdentity } from '../../../src/main/engine/home';
import { RecentProjects } from '../../../src/main/engine/recent';
import { estimateEtaMs } from '../../../src/main/engine/jobs/eta';
import { tempDir } from '../../helpers/temp';

describe('identity for the audit log', () => {
  const tmp = tempDir();
  afterEach(() => fs.rmSync(path.join(tmp.dir, 'config.json'), { force: true }));

  it('prefers MLCYCLE_USER, then config.json, then the OS user', () => {
    expect(resolveIdentity(tmp.dir, { MLCYCLE_USER: ' ana ' })).toBe('ana');
    fs.writeFileSync(path.join(tmp.dir, 'config.json'), JSON.stringify({ identity: 'ana@example.org' }));
    expect(resolveIdentity(tmp.dir, {})).toBe('ana@example.org');
    fs.rmSync(path.join(tmp.dir, 'config.json'));
    expect(resolveIdentity(tmp.dir, {})).toBe(os.userInfo().username);
  });

  it('ignores a broken config.json rather than failing', () => {
    fs.writeFileSync(path.join(tmp.dir, 'config.json'), '{ not json');
    expect(resolveIdentity(tmp.dir, {})).toBe(os.userInfo().username);
  });
});

describe('home folder', () => {
  it('follows MLCYCLE_HOME, then each platform convention', () => {
    expect(defaultHomeDir({ MLCYCLE_HOME: '/tmp/x' }, 'linux')).toBe('/tmp/x');
    expect(defaultHomeDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/mlcycle');
    expect(defaultHomeDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'MLCycle'));
    expect(defaultHomeDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('MLCycle');
  });
});

describe('recent projects', () => {
  it('keeps the newest first, without duplicates, and marks vanished folders', () => {
    const home = tempDir();
    const recent = new RecentProjects(home.dir);
    recent.touch('/nowhere/a', 'A');
    recent.touch('/nowhere/b', 'B');
    recent.touch('/nowhere/a', 'A');
    const list = recent.list();
    expect(list.map((p) => p.name)).toEqual(['A', 'B']);
    expect(list.every((p) => p.exists === false)).toBe(true);
    home.cleanup();
  });

  it('survives a corrupted recent.json', () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home.dir, 'recent.json'), '[{"dir": ');
    expect(new RecentProjects(home.dir).list()).toEqual([]);
    home.cleanup();
  });
});

describe('job ETA', () => {
  it('extrapolates linearly and waits for enough evidence', () => {
    expect(estimateEtaMs(0.25, 1_000)).toBe(3_000);
    expect(estimateEtaMs(0.5, 10_000)).toBe(10_000);
    expect(estimateEtaMs(0.005, 10_000)).toBeNull();
    expect(estimateEtaMs(0.5, 100)).toBeNull();
    expect(estimateEtaMs(1, 5_000)).toBe(0);
  });
});
