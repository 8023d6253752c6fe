import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureElectronSqlite } from '../../../scripts/electron-native.js';

/**
 * The Electron-ABI better-sqlite3 step with the downloads and compilers replaced by a fake runner:
 * a fake project root holds a copy-sized stand-in for node_modules/better-sqlite3.
 */
let root: string;

function fakeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-native-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fake', version: '0.0.0' }));
  const mod = path.join(dir, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.join(mod, 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(mod, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1', main: 'index.js' }));
  fs.writeFileSync(path.join(mod, 'binding.gyp'), '{}');
  fs.writeFileSync(path.join(mod, 'build', 'Release', 'better_sqlite3.node'), 'node-abi binary');
  const prebuild = path.join(dir, 'node_modules', 'prebuild-install');
  fs.mkdirSync(prebuild, { recursive: true });
  fs.writeFileSync(path.join(prebuild, 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.1.3' }));
  fs.writeFileSync(path.join(prebuild, 'bin.js'), '');
  const gyp = path.join(dir, 'node_modules', 'node-gyp', 'bin');
  fs.mkdirSync(gyp, { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'node-gyp', 'package.json'), JSON.stringify({ name: 'node-gyp', version: '11.0.0' }));
  fs.writeFileSync(path.join(gyp, 'node-gyp.js'), '');
  return dir;
}

/** A runner that "produces" the binary in its cwd when `succeed(script)` says so. */
function runner(succeed: (script: string) => boolean) {
  return vi.fn((_command: string, args: string[], options: { cwd: string }) => {
    const script = args[0] ?? '';
    // The work folder must never contain the Node-ABI build from node_modules.
    expect(fs.existsSync(path.join(options.cwd, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(fs.existsSync(path.join(options.cwd, 'binding.gyp'))).toBe(true);
    if (!succeed(script)) return { status: 1, output: `${path.basename(script)}: no network` };
    fs.mkdirSync(path.join(options.cwd, 'build', 'Release'), { recursive: true });
    fs.writeFileSync(path.join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), `electron binary from ${path.basename(script)}`);
    return { status: 0, output: '' };
  });
}

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64', log: () => {} };

beforeEach(() => {
  root = fakeProject();
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('ensureElectronSqlite', () => {
  it('uses the prebuilt Electron binary and caches it', () => {
    const run = runner((script) => script.endsWith('bin.js'));
    const file = ensureElectronSqlite({ root, ...target, run });
    expect(file).toBe(path.join(root, '.cache', 'electron-native', 'electron-v45.5.0-linux-x64', 'better-sqlite3-v12.11.1', 'better_sqlite3.node'));
    expect(fs.readFileSync(file, 'utf8')).toBe('electron binary from bin.js');
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![1]).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.5.0']));

    const again = ensureElectronSqlite({ root, ...target, run });
    expect(again).toBe(file);
    expect(run).toHaveBeenCalledTimes(1);
    // The work folder is gone and node_modules is untouched.
    expect(fs.readdirSync(path.join(root, '.cache', 'electron-native', 'electron-v45.5.0-linux-x64'))).toEqual(['better-sqlite3-v12.11.1']);
    expect(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node-abi binary');
  });

  it('compiles with node-gyp against Electron headers when no prebuilt binary can be had', () => {
    const run = runner((script) => script.endsWith('node-gyp.js'));
    const file = ensureElectronSqlite({ root, ...target, run });
    expect(fs.readFileSync(file, 'utf8')).toBe('electron binary from node-gyp.js');
    expect(run).toHaveBeenCalledTimes(2);
    expect(run.mock.calls[1]![1]).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--dist-url=https://electronjs.org/headers']));
  });

  it('says what failed when neither works, and leaves no half-made cache', () => {
    const run = runner(() => false);
    expect(() => ensureElectronSqlite({ root, ...target, run })).toThrow(/could not get better-sqlite3 for Electron 45\.5\.0[\s\S]*prebuild-install[\s\S]*node-gyp/);
    const cache = path.join(root, '.cache', 'electron-native', 'electron-v45.5.0-linux-x64');
    expect(fs.existsSync(cache) ? fs.readdirSync(cache) : []).toEqual([]);
  });
});
