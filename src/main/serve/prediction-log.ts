import fs from 'node:fs';
import path from 'node:path';
import type { LogPage, PredictionRecord } from '../../shared/monitor/prediction-record';

export type { LogPage, PredictionRecord } from '../../shared/monitor/prediction-record';

export interface PredictionLogOptions {
  dir: string;
  /** A segment file is closed and a new one begun past this size. */
  segmentBytes?: number;
  /** The oldest segments are deleted while the log is larger than this. */
  maxBytes?: number;
  /** Share of requests logged (1 = every one). */
  sampleRate?: number;
  /** Buffered lines reach the disk at least this often. */
  flushMs?: number;
}


const SEGMENT = /^predictions-(\d{12})\.ndjson$/;
const segmentName = (firstSeq: number) => `predictions-${String(firstSeq).padStart(12, '0')}.ndjson`;

/**
 * A size-bounded, rotating, append-only log of predictions in NDJSON segments named by their first
 * sequence number. The sequence continues across restarts (read back from the newest segment), so a
 * reader's cursor stays valid; what rotation deleted unread is reported as lost, never skipped silently.
 */
export class PredictionLog {
  private readonly dir: string;
  private readonly segmentBytes: number;
  private readonly maxBytes: number;
  private readonly sampleRate: number;
  private segments: Array<{ first: number; file: string; bytes: number }> = [];
  private fd: number | null = null;
  private seq = 0;
  private buffer: string[] = [];
  private timer: NodeJS.Timeout;

  constructor(options: PredictionLogOptions) {
    this.dir = options.dir;
    this.segmentBytes = options.segmentBytes ?? 8 * 1024 * 1024;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.sampleRate = options.sampleRate ?? 1;
    fs.mkdirSync(this.dir, { recursive: true });
    this.segments = fs
      .readdirSync(this.dir)
      .flatMap((f) => {
        const m = SEGMENT.exec(f);
        return m ? [{ first: Number(m[1]), file: path.join(this.dir, f), bytes: fs.statSync(path.join(this.dir, f)).size }] : [];
      })
      .sort((a, b) => a.first - b.first);
    this.dropTornTail();
    this.seq = this.lastWrittenSeq();
    this.timer = setInterval(() => this.flush(), options.flushMs ?? 200);
    this.timer.unref();
  }

  /** A crash mid-write leaves a line without its newline: cut it, so the next record starts clean. */
  private dropTornTail(): void {
    const newest = this.segments.at(-1);
    if (!newest || newest.bytes === 0) return;
    const text = fs.readFileSync(newest.file);
    if (text[text.length - 1] === 0x0a) return;
    const keep = text.lastIndexOf(0x0a) + 1;
    fs.truncateSync(newest.file, keep);
    newest.bytes = keep;
  }

  /** The last complete record's seq in the newest segment (a line cut off by a crash is ignored). */
  private lastWrittenSeq(): number {
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i]!;
      const lines = fs.readFileSync(s.file, 'utf8').split('\n');
      for (let j = lines.length - 1; j >= 0; j--) {
        try {
          const seq = (JSON.parse(lines[j]!) as PredictionRecord).seq;
          if (Number.isSafeInteger(seq)) return seq;
        } catch {
          // a partial last line after a crash
        }
      }
      if (s.first > 0) return s.first - 1;
    }
    return 0;
  }

  /** Appends a record (or skips it, by the sample rate); returns its seq, or null when not sampled. */
  append(record: Omit<PredictionRecord, 'seq'>, random: () => number = Math.random): number | null {
    if (this.sampleRate < 1 && random() >= this.sampleRate) return null;
    const seq = ++this.seq;
    this.buffer.push(`${JSON.stringify({ seq, ...record })}\n`);
    if (this.buffer.length >= 256) this.flush();
    return seq;
  }

  /** Writes buffered lines to the current segment, rotating and trimming as the sizes say. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const lines = this.buffer;
    this.buffer = [];
    const firstSeq = (JSON.parse(lines[0]!) as PredictionRecord).seq;
    let current = this.segments.at(-1);
    if (!current || current.bytes >= this.segmentBytes || this.fd === null) {
      if (this.fd !== null) fs.closeSync(this.fd);
      if (!current || current.bytes >= this.segmentBytes) {
        current = { first: firstSeq, file: path.join(this.dir, segmentName(firstSeq)), bytes: 0 };
        this.segments.push(current);
      }
      this.fd = fs.openSync(current.file, 'a');
    }
    const text = lines.join('');
    fs.writeSync(this.fd, text);
    current.bytes += Buffer.byteLength(text);
    this.trim();
  }

  private trim(): void {
    let total = this.segments.reduce((s, x) => s + x.bytes, 0);
    while (this.segments.length > 1 && total > this.maxBytes) {
      const oldest = this.segments.shift()!;
      fs.rmSync(oldest.file, { force: true });
      total -= oldest.bytes;
    }
  }

  /** Records after `cursor` (up to `limit`), in order; a cursor older than the log reports what was lost. */
  read(cursor: number, limit = 1000): LogPage {
    this.flush();
    const records: PredictionRecord[] = [];
    const oldest = this.segments[0]?.first ?? this.seq + 1;
    const lost = cursor + 1 < oldest ? Math.min(oldest, this.seq + 1) - (cursor + 1) : 0;
    for (let i = 0; i < this.segments.length && records.length < limit; i++) {
      const s = this.segments[i]!;
      const nextFirst = this.segments[i + 1]?.first ?? Number.POSITIVE_INFINITY;
      if (nextFirst <= cursor + 1) continue;
      for (const line of fs.readFileSync(s.file, 'utf8').split('\n')) {
        if (!line) continue;
        let record: PredictionRecord;
        try {
          record = JSON.parse(line) as PredictionRecord;
        } catch {
          continue;
        }
        if (record.seq > cursor) records.push(record);
        if (records.length >= limit) break;
      }
    }
    return { records, next: records.at(-1)?.seq ?? Math.max(cursor, oldest - 1), lost, last: this.seq };
  }

  close(): void {
    clearInterval(this.timer);
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * A served request as a log record: float32 values as JSON numbers with the 7 significant digits
 * float32 holds (not the widened double's noise), NaN as null so the JSON stays valid.
 */
export function predictionRecord(p: { at: string; requestId: string | null; model: string; version: string; rows: number; latencyMs: number; columns: { values: Map<string, Float32Array | string[]> }; outputs: Record<string, ArrayLike<number | string | null>> }): Omit<PredictionRecord, 'seq'> {
  const json = (values: ArrayLike<number | string | null>) => Array.from(values, (v) => (typeof v !== 'number' ? v : Number.isFinite(v) ? Number(v.toPrecision(7)) : null));
  return {
    at: p.at,
    requestId: p.requestId,
    model: p.model,
    version: p.version,
    rows: p.rows,
    latencyMs: Math.round(p.latencyMs * 1000) / 1000,
    inputs: Object.fromEntries([...p.columns.values].map(([name, values]) => [name, json(values)])),
    outputs: Object.fromEntries(Object.entries(p.outputs).map(([name, values]) => [name, json(values)])),
  };
}
