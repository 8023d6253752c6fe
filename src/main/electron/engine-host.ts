import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebFrameMain } from 'electron';
import { decideRestart } from '../policy/restart';
import { isEngineToMain, type MainToEngine } from '../utility/protocol';
import { IPC_PORT, IPC_UNAVAILABLE } from '../../preload/channels';

export interface EngineHostOptions {
  /** out/main/engine-process.js */
  modulePath: string;
  env: Record<string, string>;
  log(line: string): void;
  /** Called when the engine keeps crashing and main stops restarting it (until `retry()`). */
  onGiveUp?(reason: string): void;
}

/**
 * Owns the engine's utility process: forks it, hands each renderer frame its own MessagePort to it,
 * restarts it (with backoff, see policy/restart.ts) when it dies, and shuts it down cleanly on quit.
 */
export class EngineHost {
  private child: UtilityProcess | null = null;
  private pending: WebFrameMain[] = [];
  /** Frames told "unavailable" after a give-up; they get a port if the user retries. */
  private refused = new Set<WebFrameMain>();
  private crashes: number[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private gaveUp: string | null = null;
  private stopping = false;
  private nextClient = 1;

  constructor(private readonly options: EngineHostOptions) {}

  start(): void {
    if (!this.child && !this.stopping) this.spawn();
  }

  /**
   * Gives `frame` a fresh MessagePort to the engine (queued while the engine is restarting).
   * After a give-up the frame is told the engine is unavailable instead, so a renderer that
   * reconnects on every lost port cannot turn a crash loop back on by itself.
   */
  connect(frame: WebFrameMain): void {
    if (this.stopping) return;
    if (this.gaveUp !== null) {
      this.refused.add(frame);
      frame.send(IPC_UNAVAILABLE, this.gaveUp);
      return;
    }
    if (!this.child) {
      if (!this.pending.includes(frame)) this.pending.push(frame);
      return;
    }
    const { port1, port2 } = new MessageChannelMain();
    const message: MainToEngine = { type: 'connect', client: `window-${this.nextClient++}` };
    this.child.postMessage(message, [port1]);
    frame.postMessage(IPC_PORT, null, [port2]);
  }

  /** After a give-up: start afresh (the user chose "Retry") and connect every refused frame. */
  retry(): void {
    if (this.gaveUp === null || this.stopping) return;
    this.options.log(`retrying the engine after: ${this.gaveUp}`);
    this.gaveUp = null;
    this.crashes = [];
    this.pending.push(...[...this.refused].filter(isLive));
    this.refused.clear();
    this.spawn();
  }

  /** Asks the engine to close its projects and exit; kills it if it has not within `timeoutMs`. */
  async stop(timeoutMs = 3000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const message: MainToEngine = { type: 'shutdown' };
    child.postMessage(message);
    const timedOut = await Promise.race([exited.then(() => false), delay(timeoutMs).then(() => true)]);
    if (timedOut) {
      this.options.log(`the engine did not exit within ${timeoutMs} ms; killing it`);
      child.kill();
      await Promise.race([exited, delay(1000)]);
    }
    this.child = null;
  }

  private spawn(): void {
    const child = utilityProcess.fork(this.options.modulePath, [], {
      serviceName: 'MLCycle Engine',
      env: this.options.env,
      stdio: 'inherit',
    });
    this.child = child;
    child.on('message', (message: unknown) => {
      if (!isEngineToMain(message)) return;
      if (message.type === 'ready') this.options.log(`engine ready (pid ${message.pid})`);
    });
    child.on('error', (type, location) => this.options.log(`engine process error: ${type} at ${location}`));
    child.on('exit', (code) => this.onExit(child, code));
    const waiting = this.pending;
    this.pending = [];
    for (const frame of waiting) if (isLive(frame)) this.connect(frame);
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    if (this.stopping) return;
    const now = Date.now();
    this.crashes.push(now);
    const decision = decideRestart(this.crashes, now);
    if (decision.action === 'restart') {
      this.options.log(`engine process exited (code ${code}); restarting in ${decision.delayMs} ms`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!this.stopping) this.spawn();
      }, decision.delayMs);
      return;
    }
    this.gaveUp = decision.reason;
    this.options.log(`engine process exited (code ${code}); not restarting: ${decision.reason}`);
    const waiting = this.pending;
    this.pending = [];
    for (const frame of waiting) if (isLive(frame)) this.connect(frame);
    this.options.onGiveUp?.(decision.reason);
  }
}

function isLive(frame: WebFrameMain): boolean {
  try {
    return !frame.isDestroyed() && !frame.detached;
  } catch {
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
