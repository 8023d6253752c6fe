// Pure decisions behind `npm start` (scripts/start.js), kept free of I/O so they are unit-tested
// (test/unit/start). Plain Node ESM; types in launch-plan.d.ts.

/** An Electron that exits non-zero sooner than this is taken to have failed to start. */
export const STARTUP_GRACE_MS = 5000;

/** Build outputs `npm start` needs, relative to the project root. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/engine-process.js',
  'out/main/cli.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

const TRUTHY = new Set(['1', 'true', 'yes', 'on']);

/**
 * Why to skip Electron before even looking for it, or null to try it: asked for headless
 * (`--headless` or MLCYCLE_HEADLESS=1), or Linux with no display to open a window on.
 */
export function headlessReason({ platform, env, argv }) {
  if (argv.includes('--headless') || TRUTHY.has(String(env.MLCYCLE_HEADLESS ?? '').toLowerCase())) {
    return 'headless mode was requested';
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  return null;
}

/** Arguments for `node bin/mlcycle.js`: the `ui` command plus the user's, minus launcher-only flags. */
export function headlessArgs(argv) {
  return ['ui', ...argv.filter((arg) => arg !== '--headless')];
}

/** Arguments for the Electron binary: the app folder, then the user's. */
export function electronArgs(root, argv) {
  return [root, ...argv.filter((arg) => arg !== '--headless')];
}

/**
 * What to do when Electron exits: a non-zero exit (or a crash signal) within the startup grace
 * period means it could not start here (missing libraries, no GPU/display access, sandbox setup),
 * so fall back to the headless workspace; otherwise pass its exit status through.
 */
export function classifyElectronExit({ code, signal, elapsedMs, graceMs = STARTUP_GRACE_MS }) {
  const userSignal = signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP';
  const failed = (code !== null && code !== 0) || (signal !== null && !userSignal);
  if (failed && elapsedMs < graceMs) {
    const how = code !== null ? `exited with code ${code}` : `was killed by ${signal}`;
    return { action: 'fallback', reason: `Electron ${how} after ${(elapsedMs / 1000).toFixed(1)} s` };
  }
  if (code !== null) return { action: 'exit', code };
  return { action: 'exit', code: 128 + (SIGNAL_NUMBERS[signal] ?? 1) };
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };

/** Does `out/` need a (re)build? `outputMtimes` in BUILD_OUTPUTS order, null where missing. */
export function buildNeeded(outputMtimes, newestSourceMtime) {
  if (outputMtimes.some((m) => m === null || m === undefined)) return 'missing';
  if (newestSourceMtime !== null && Math.min(...outputMtimes) < newestSourceMtime) return 'stale';
  return null;
}

/**
 * One line saying why Electron could not be had, from the output of its first-run download
 * (node_modules/electron/install.js prints a stack, then index.js throws "failed to install").
 */
export function describeElectronFailure(output, version) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const cause =
    lines.find((l) => /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EACCES|ENOSPC|HTTPError|RequestError|fetch failed|certificate|checksum)\b/i.test(l)) ??
    lines.find((l) => /^\w*Error\b/.test(l) && !/failed to install correctly/.test(l));
  const what = `could not download the Electron ${version ?? ''} binary`.replace('  ', ' ');
  return cause ? `${what} (${cause.replace(/^Error:\s*/, '')})` : what;
}

/** The directory name under .cache/electron-native that holds binaries for one Electron build. */
export function nativeCacheKey({ electronVersion, platform, arch, moduleVersion }) {
  return `electron-v${electronVersion}-${platform}-${arch}/better-sqlite3-v${moduleVersion}`;
}

/** prebuild-install's arguments for a better-sqlite3 binary built against Electron. */
export function prebuildArgs({ electronVersion, platform, arch }) {
  return ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose'];
}

/** node-gyp's arguments to compile better-sqlite3 against Electron's headers (what @electron/rebuild does). */
export function nodeGypArgs({ electronVersion, arch }) {
  return ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'];
}

/**
 * The few lines of a native tool's output (prebuild-install, node-gyp) that say what went wrong,
 * without stack frames and environment dumps.
 */
export function summarizeToolOutput(output, maxLines = 4) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  const noise = /stack\s+at\s|gyp ERR! (System|command|cwd|node -v|node-gyp -v|not ok)|^\s+at\s/;
  const telling = lines.filter((l) => /ERR!|\bwarn\b|WARN|Error|ENOTFOUND|ECONN|ETIMEDOUT|not found/.test(l) && !noise.test(l));
  return (telling.length ? telling : lines.slice(-maxLines)).slice(0, maxLines).join('\n');
}
