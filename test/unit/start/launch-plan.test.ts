import { describe, expect, it } from 'vitest';
import {
  BUILD_OUTPUTS,
  buildNeeded,
  classifyElectronExit,
  describeElectronFailure,
  electronArgs,
  headlessArgs,
  headlessReason,
  nativeCacheKey,
  nodeGypArgs,
  prebuildArgs,
  summarizeToolOutput,
} from '../../../scripts/launch-plan.js';

describe('headlessReason', () => {
  const display = { DISPLAY: ':0' };

  it('tries Electron where a window can open', () => {
    expect(headlessReason({ platform: 'linux', env: display, argv: [] })).toBeNull();
    expect(headlessReason({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, argv: [] })).toBeNull();
    expect(headlessReason({ platform: 'darwin', env: {}, argv: [] })).toBeNull();
    expect(headlessReason({ platform: 'win32', env: {}, argv: ['--port', '0'] })).toBeNull();
  });

  it('goes headless on Linux without a display', () => {
    expect(headlessReason({ platform: 'linux', env: {}, argv: [] })).toMatch(/no graphical display/);
    expect(headlessReason({ platform: 'linux', env: { DISPLAY: '' }, argv: [] })).toMatch(/no graphical display/);
  });

  it('goes headless when asked', () => {
    expect(headlessReason({ platform: 'darwin', env: {}, argv: ['--headless'] })).toMatch(/requested/);
    expect(headlessReason({ platform: 'linux', env: { ...display, MLCYCLE_HEADLESS: '1' }, argv: [] })).toMatch(/requested/);
    expect(headlessReason({ platform: 'linux', env: { ...display, MLCYCLE_HEADLESS: 'true' }, argv: [] })).toMatch(/requested/);
    expect(headlessReason({ platform: 'linux', env: { ...display, MLCYCLE_HEADLESS: '0' }, argv: [] })).toBeNull();
  });
});

describe('arguments', () => {
  it('forwards the user’s arguments to `mlcycle ui`, minus --headless', () => {
    expect(headlessArgs(['--port', '0'])).toEqual(['ui', '--port', '0']);
    expect(headlessArgs(['--headless', '--host', '0.0.0.0'])).toEqual(['ui', '--host', '0.0.0.0']);
    expect(headlessArgs([])).toEqual(['ui']);
  });

  it('starts Electron on the project folder', () => {
    expect(electronArgs('/app', ['--enable-logging'])).toEqual(['/app', '--enable-logging']);
  });
});

describe('classifyElectronExit', () => {
  it('falls back when Electron fails right away', () => {
    expect(classifyElectronExit({ code: 1, signal: null, elapsedMs: 300 })).toEqual({
      action: 'fallback',
      reason: 'Electron exited with code 1 after 0.3 s',
    });
    expect(classifyElectronExit({ code: null, signal: 'SIGSEGV', elapsedMs: 800 })).toMatchObject({ action: 'fallback', reason: expect.stringContaining('SIGSEGV') });
    expect(classifyElectronExit({ code: null, signal: 'SIGTRAP', elapsedMs: 100 })).toMatchObject({ action: 'fallback' });
  });

  it('passes the exit status through otherwise', () => {
    expect(classifyElectronExit({ code: 0, signal: null, elapsedMs: 200 })).toEqual({ action: 'exit', code: 0 });
    expect(classifyElectronExit({ code: 0, signal: null, elapsedMs: 60_000 })).toEqual({ action: 'exit', code: 0 });
    expect(classifyElectronExit({ code: 3, signal: null, elapsedMs: 60_000 })).toEqual({ action: 'exit', code: 3 });
    expect(classifyElectronExit({ code: null, signal: 'SIGINT', elapsedMs: 100 })).toEqual({ action: 'exit', code: 130 });
    expect(classifyElectronExit({ code: null, signal: 'SIGTERM', elapsedMs: 100 })).toEqual({ action: 'exit', code: 143 });
    expect(classifyElectronExit({ code: null, signal: 'SIGKILL', elapsedMs: 60_000 })).toEqual({ action: 'exit', code: 137 });
  });

  it('honours a custom grace period', () => {
    expect(classifyElectronExit({ code: 1, signal: null, elapsedMs: 3000, graceMs: 2000 })).toEqual({ action: 'exit', code: 1 });
  });
});

describe('buildNeeded', () => {
  const outs = BUILD_OUTPUTS.map(() => 2000);

  it('builds when an output is missing', () => {
    expect(buildNeeded([...outs.slice(1), null], 1000)).toBe('missing');
  });

  it('rebuilds when a source is newer than the oldest output', () => {
    expect(buildNeeded([...outs.slice(1), 1500], 1800)).toBe('stale');
  });

  it('does nothing when up to date', () => {
    expect(buildNeeded(outs, 1000)).toBeNull();
    expect(buildNeeded(outs, null)).toBeNull();
  });

  it('lists the entries electron-vite emits', () => {
    expect(BUILD_OUTPUTS).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/engine-process.js', 'out/preload/index.cjs', 'out/renderer/index.html']));
  });
});

describe('describeElectronFailure', () => {
  it('names the network cause of a failed first-run download in one line', () => {
    const output = [
      'Downloading Electron binary...',
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      'Error: Electron failed to install correctly. Please delete `node_modules/electron` and run "npx install-electron --no" manually.',
    ].join('\n');
    expect(describeElectronFailure(output, '45.5.0')).toBe('could not download the Electron 45.5.0 binary (TypeError: fetch failed)');
    expect(describeElectronFailure('RequestError: getaddrinfo ENOTFOUND github.com', '45.5.0')).toContain('ENOTFOUND');
  });

  it('still says something useful with no output', () => {
    expect(describeElectronFailure('', '45.5.0')).toBe('could not download the Electron 45.5.0 binary');
    expect(describeElectronFailure(undefined)).not.toContain('\n');
  });
});

describe('native module build arguments', () => {
  const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };

  it('asks prebuild-install for the Electron runtime', () => {
    expect(prebuildArgs(target)).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.5.0', '--arch=x64', '--platform=linux']));
  });

  it('compiles against Electron headers as the fallback', () => {
    expect(nodeGypArgs(target)).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']));
  });

  it('caches per Electron version, platform, arch and module version', () => {
    expect(nativeCacheKey({ ...target, moduleVersion: '12.11.1' })).toBe('electron-v45.5.0-linux-x64/better-sqlite3-v12.11.1');
  });
});

describe('summarizeToolOutput', () => {
  it('keeps the lines that say what went wrong', () => {
    const gyp = [
      'gyp info it worked if it ends with ok',
      'gyp http GET https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz',
      'gyp WARN install got an error, rolling back install',
      'gyp ERR! configure error ',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp',
      'gyp ERR! stack at go (/x/install.js:244:21)',
      'gyp ERR! System Linux 6.18',
      'gyp ERR! not ok',
    ].join('\n');
    const summary = summarizeToolOutput(gyp);
    expect(summary.split('\n')).toEqual([
      'gyp WARN install got an error, rolling back install',
      'gyp ERR! configure error',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp',
    ]);
    expect(summarizeToolOutput('prebuild-install info looking\nprebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe(
      'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
    );
  });

  it('falls back to the last lines', () => {
    expect(summarizeToolOutput('a\nb\nc\nd\ne\nf', 2)).toBe('e\nf');
    expect(summarizeToolOutput('')).toBe('');
  });
});
