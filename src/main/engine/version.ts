/** Injected by the build from package.json; the fallback serves tests that run from source. */
declare const __MLCYCLE_VERSION__: string | undefined;
export const ENGINE_VERSION: string = typeof __MLCYCLE_VERSION__ === 'string' ? __MLCYCLE_VERSION__ : '0.0.0-dev';
