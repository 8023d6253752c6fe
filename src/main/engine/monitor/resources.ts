import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { HealthReport } from '../../../shared/monitor/models';
import { localTargetDir } from '../deploy/local-server';
import type { EventBus } from '../events';
import type { ProjectStore } from '../store/project-store';

export type ResourceSample = HealthReport['resources'][number] & { targetId: string | null };

/** How often resources are sampled while a job runs. */
export const JOB_SAMPLE_MS = 5_000;
/** Samples older than this are dropped when new ones are written, so the table stays small. */
const KEEP_MS = 7 * 24 * 3600_000;
/** Samples one health report returns (newest last). */
const REPORT_SAMPLES = 240;
/** /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 for user space. */
const TICKS_PER_SECOND = 100;
const MB = 1024 * 1024;

/** CPU time seen at the previous sample, per process, so each sample reports the share since then. */
interface CpuMark {
  cpuSeconds: number;
  atMs: number;
}
let engineMark: CpuMark | null = null;
const serverMarks = new Map<number, CpuMark>();

/** CPU% of one core (100 = one core busy; worker threads can take it above 100) over the time since `mark`. */
const percentSince = (mark: CpuMark, now: CpuMark) => (now.atMs > mark.atMs ? (100 * (now.cpuSeconds - mark.cpuSeconds)) / ((now.atMs - mark.atMs) / 1000) : 0);

/** The engine process (its worker threads, so training and scoring, included). */
function engineSample(): { cpuPercent: number; rssMb: number } {
  const used = process.cpuUsage();
  const now = { cpuSeconds: (used.user + used.system) / 1e6, atMs: Date.now() };
  // The first sample averages over the process's life so far.
  const mark = engineMark ?? { cpuSeconds: 0, atMs: now.atMs - process.uptime() * 1000 };
  engineMark = now;
  return { cpuPercent: percentSince(mark, now), rssMb: process.memoryUsage.rss() / MB };
}

/** A process's CPU and resident memory from /proc (Linux); null where there is no /proc or the process is gone. */
function procSample(pid: number): { cpuPercent: number; rssMb: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(fields[n - 3]);
    const cpuSeconds = (field(14) + field(15)) / TICKS_PER_SECOND;
    const uptime = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const now = { cpuSeconds, atMs: Date.now() };
    const mark = serverMarks.get(pid) ?? { cpuSeconds: 0, atMs: now.atMs - (uptime - field(22) / TICKS_PER_SECOND) * 1000 };
    serverMarks.set(pid, now);
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
    if (!Number.isFinite(cpuSeconds) || !Number.isFinite(rssKb)) return null;
    return { cpuPercent: percentSince(mark, now), rssMb: rssKb / 1024 };
  } catch {
    return null;
  }
}

/** The pid of a local target's server, from the server.json it leaves in deploy/<target>/. */
function localServerPid(projectDir: string, target: string): number | null {
  try {
    const { pid } = JSON.parse(fs.readFileSync(path.join(localTargetDir(projectDir, target), 'server.json'), 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : null;
  } catch {
    return null;
  }
}

let noNvidiaSmi = false;

/** GPU utilisation (mean over the GPUs) and memory used (their sum) from nvidia-smi; null when there is none. */
export function gpuSample(): Promise<{ gpuPercent: number; gpuMemMb: number } | null> {
  if (noNvidiaSmi) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('nvidia-smi', ['--query-gpu=utilization.gpu,memory.used', '--format=csv,noheader,nounits'], { timeout: 3_000 }, (error, stdout) => {
      if (error) {
        // Not installed: stop asking. Any other failure (a driver hiccup) only skips this sample.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') noNvidiaSmi = true;
        return resolve(null);
      }
      const gpus = stdout
        .trim()
        .split('\n')
        .map((line) => line.split(',').map((v) => Number(v.trim())))
        .filter((v) => v.length === 2 && v.every(Number.isFinite));
      if (gpus.length === 0) return resolve(null);
      resolve({ gpuPercent: gpus.reduce((s, g) => s + g[0]!, 0) / gpus.length, gpuMemMb: gpus.reduce((s, g) => s + g[1]!, 0) });
    });
  });
}

/**
 * Samples the engine process and every running local model server of the project, and the GPU
 * (machine-wide, so it is kept on the engine's row), and stores the samples. Elsewhere than Linux
 * there is no /proc, so servers are skipped quietly.
 */
export async function sampleResources(store: ProjectStore): Promise<ResourceSample[]> {
  const gpu = await gpuSample();
  const at = new Date().toISOString();
  const samples: ResourceSample[] = [{ at, process: 'engine', targetId: null, ...engineSample(), gpuPercent: gpu?.gpuPercent ?? null, gpuMemMb: gpu?.gpuMemMb ?? null }];
  if (process.platform === 'linux') {
    for (const t of store.deploy.listTargets().filter((x) => x.kind === 'local')) {
      const pid = localServerPid(store.dir, t.name);
      const s = pid === null ? null : procSample(pid);
      if (s) samples.push({ at, process: `server:${t.name}`, targetId: t.id, ...s, gpuPercent: null, gpuMemMb: null });
    }
  }
  const insert = store.db.prepare('INSERT INTO resource_samples (at, process, target_id, cpu_percent, rss_mb, gpu_percent, gpu_mem_mb) VALUES (?, ?, ?, ?, ?, ?, ?)');
  store.db.transaction(() => {
    for (const s of samples) insert.run(s.at, s.process, s.targetId, s.cpuPercent, s.rssMb, s.gpuPercent, s.gpuMemMb);
    store.db.prepare('DELETE FROM resource_samples WHERE at < ?').run(new Date(Date.now() - KEEP_MS).toISOString());
  })();
  return samples;
}

/** The engine's samples and this target's server's, newest last. */
export function recentResources(store: ProjectStore, targetId: string, limit = REPORT_SAMPLES): HealthReport['resources'] {
  const rows = store.db
    .prepare(
      `SELECT at, process, cpu_percent AS cpuPercent, rss_mb AS rssMb, gpu_percent AS gpuPercent, gpu_mem_mb AS gpuMemMb FROM resource_samples
       WHERE target_id IS NULL OR target_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(targetId, limit) as HealthReport['resources'];
  return rows.reverse();
}

/**
 * Samples resources every JOB_SAMPLE_MS while any job of the project runs (training and scoring run
 * in the engine's worker threads), and not at all otherwise. Watches the jobs' own events, so the
 * job manager needs no hook. Returns the function that stops it.
 */
export function sampleWhileJobsRun(bus: EventBus, store: ProjectStore, everyMs = JOB_SAMPLE_MS): () => void {
  const active = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const sample = () => {
    // A sample in flight when the project closes finds its database closed: nothing to keep then.
    if (!stopped) sampleResources(store).catch(() => {});
  };
  const unsubscribe = bus.on((event, payload) => {
    if (event !== 'job.updated') return;
    const job = payload as { id: string; status: string };
    if (job.status === 'running') active.add(job.id);
    else active.delete(job.id);
    if (active.size > 0 && !timer) {
      sample();
      timer = setInterval(sample, everyMs);
      timer.unref();
    } else if (active.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
      sample();
    }
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearInterval(timer);
    timer = null;
  };
}
