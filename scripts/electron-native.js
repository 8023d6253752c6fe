// Gets a better-sqlite3 binary built for Electron's Node ABI, for `npm start` in development.
// Tests and the CLI keep using node_modules/better-sqlite3 (built for plain Node); the Electron
// engine process loads this one through MLCYCLE_SQLITE_BINDING (better-sqlite3's nativeBinding).
// Packaged apps do not need it: electron-builder rebuilds native modules for Electron itself.
//
// Strategy: copy the better-sqlite3 package to a work folder, run its own prebuild-install for
// runtime=electron (downloads the prebuilt binary from the project's GitHub release); if there is
// none, compile it with node-gyp against Electron's headers (what @electron/rebuild does). The
// resulting .node file is cached in .cache/electron-native/<electron>-<platform>-<arch>/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describeElectronFailure, nativeCacheKey, nodeGypArgs, prebuildArgs, summarizeToolOutput } from './launch-plan.js';

/** @typedef {{status: number | null, output: string}} RunResult */

/** @returns {RunResult} */
export function runCaptured(command, args, options) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 15 * 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { status: result.error ? null : result.status, output };
}

/**
 * Returns the path of an Electron-ABI better_sqlite3.node, building or downloading it once.
 * Throws an Error whose message says what failed and what to install.
 *
 * @param {{root: string, electronVersion: string, platform?: string, arch?: string,
 *          log?: (line: string) => void, run?: typeof runCaptured}} options
 */
export function ensureElectronSqlite(options) {
  const { root, electronVersion } = options;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const log = options.log ?? ((line) => console.log(`MLCycle: ${line}`));
  const run = options.run ?? runCaptured;

  const rootRequire = createRequire(path.join(root, 'package.json'));
  const pkgFile = rootRequire.resolve('better-sqlite3/package.json');
  const moduleDir = path.dirname(pkgFile);
  const moduleVersion = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
  const cacheDir = path.join(root, '.cache', 'electron-native', nativeCacheKey({ electronVersion, platform, arch, moduleVersion }));
  const target = path.join(cacheDir, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;

  const work = `${cacheDir}.work-${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(work), { recursive: true });
  const skip = [path.join(moduleDir, 'build'), path.join(moduleDir, 'node_modules')];
  fs.cpSync(moduleDir, work, { recursive: true, filter: (src) => !skip.some((s) => src === s || src.startsWith(s + path.sep)) });
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  const env = { ...process.env };
  // npm exports its own config (target, runtime, …) as npm_config_*; keep it out of the native tools.
  for (const key of Object.keys(env)) if (/^npm_config_(runtime|target|arch|platform|disturl|build_from_source)$/i.test(key)) delete env[key];

  try {
    log(`getting better-sqlite3 ${moduleVersion} for Electron ${electronVersion} (${platform}-${arch}); this happens once.`);
    const moduleRequire = createRequire(pkgFile);
    const prebuild = run(process.execPath, [moduleRequire.resolve('prebuild-install/bin.js'), ...prebuildArgs({ electronVersion, platform, arch })], {
      cwd: work,
      env,
    });
    if (prebuild.status !== 0 || !fs.existsSync(built)) {
      log('no prebuilt binary could be downloaded; compiling it against Electron headers (needs Python 3 and a C++ toolchain)...');
      const gyp = run(process.execPath, [resolveNodeGyp(rootRequire), ...nodeGypArgs({ electronVersion, arch })], { cwd: work, env });
      if (gyp.status !== 0 || !fs.existsSync(built)) {
        throw new Error(
          `could not get better-sqlite3 for Electron ${electronVersion} (no prebuilt download, and compiling failed).\n` +
            `prebuild-install said:\n${indent(summarizeToolOutput(prebuild.output) || `exit ${prebuild.status}`)}\n` +
            `node-gyp said:\n${indent(summarizeToolOutput(gyp.output) || `exit ${gyp.status}`)}\n` +
            'With internet access this is downloaded once; otherwise install Python 3 and a C++ toolchain, or run "npm start -- --headless".',
        );
      }
    }
    fs.mkdirSync(cacheDir, { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(built, temp);
    fs.renameSync(temp, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function indent(text) {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function resolveNodeGyp(rootRequire) {
  try {
    return rootRequire.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm bundles node-gyp; this is where it lives next to the running npm.
    const npmGyp = process.env.npm_config_node_gyp;
    if (npmGyp && fs.existsSync(npmGyp)) return npmGyp;
    throw new Error('node-gyp was not found (install it with "npm install -g node-gyp")');
  }
}

/**
 * Finds the Electron binary through the electron package (`require('electron')` returns its path),
 * downloading it on first use as that package does. Never throws.
 * @returns {{ok: true, path: string, version: string} | {ok: false, reason: string}}
 */
export function resolveElectron(root, say = (line) => console.log(`MLCycle: ${line}`)) {
  const rootRequire = createRequire(path.join(root, 'package.json'));
  let pkgFile;
  try {
    pkgFile = rootRequire.resolve('electron/package.json');
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run "npm install")' };
  }
  const dir = path.dirname(pkgFile);
  const version = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
  const pathFile = path.join(dir, 'path.txt');
  const installed =
    Boolean(process.env.ELECTRON_OVERRIDE_DIST_PATH) ||
    (fs.existsSync(pathFile) && fs.existsSync(path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'))));
  if (!installed) {
    // The package downloads its binary on first require; do that in a child so a failure is one
    // line here instead of a stack trace.
    say(`downloading Electron ${version} (first run only)...`);
    const child = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(dir, 'index.js'))})`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20 * 60_000,
    });
    if (child.status !== 0) return { ok: false, reason: describeElectronFailure(`${child.stdout}${child.stderr}${child.error?.message ?? ''}`, version) };
  }
  try {
    const executable = rootRequire('electron');
    if (typeof executable !== 'string' || !fs.existsSync(executable)) {
      return { ok: false, reason: `the Electron binary is missing${typeof executable === 'string' ? ` at ${executable}` : ''}` };
    }
    return { ok: true, path: executable, version };
  } catch (error) {
    return { ok: false, reason: describeElectronFailure(error.message, version) };
  }
}
