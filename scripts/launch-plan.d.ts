export declare const STARTUP_GRACE_MS: number;
export declare const BUILD_OUTPUTS: readonly string[];

export declare function headlessReason(input: { platform: string; env: Record<string, string | undefined>; argv: readonly string[] }): string | null;
export declare function headlessArgs(argv: readonly string[]): string[];
export declare function electronArgs(root: string, argv: readonly string[]): string[];

export type ElectronExitAction = { action: 'fallback'; reason: string } | { action: 'exit'; code: number };
export declare function classifyElectronExit(input: { code: number | null; signal: string | null; elapsedMs: number; graceMs?: number }): ElectronExitAction;

export declare function buildNeeded(outputMtimes: ReadonlyArray<number | null>, newestSourceMtime: number | null): 'missing' | 'stale' | null;
export declare function describeElectronFailure(output: string | null | undefined, version?: string): string;

export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}
export declare function nativeCacheKey(input: NativeTarget & { moduleVersion: string }): string;
export declare function prebuildArgs(input: NativeTarget): string[];
export declare function nodeGypArgs(input: { electronVersion: string; arch: string }): string[];
export declare function summarizeToolOutput(output: string | null | undefined, maxLines?: number): string;
