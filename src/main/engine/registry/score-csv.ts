/**
 * CSV text for the scores, written byte by byte into one Buffer per batch. Building a string per
 * cell (toPrecision, Number, String, join) cost more than scoring itself: about 2 µs a row, where
 * these writers take a tenth of that.
 */

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const ZERO = 0x30;
const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A cell as CSV text: quoted when it holds a quote, comma or line break; '' for NaN. */
export const csvCell = (v: string | number) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The reference text of a score: 7 significant digits, since float32 holds about 7 (more would be noise). */
export const scoreText = (v: number) => (Number.isNaN(v) ? '' : String(Number(v.toPrecision(7))));

export class CsvBuffer {
  private buf: Buffer;
  private pos = 0;
  private readonly encoded = new Map<string, Buffer>();

  /**
   * `slack`: the most a row's fixed cells (numbers, commas) take. Callers reserve it at each row's
   * start; a text cell reserves its own length plus the slack, for the fixed cells after it.
   */
  constructor(
    private capacity: number,
    private readonly slack: number,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `bytes` more. */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** The bytes written so far; the next batch starts in a fresh buffer, since the writer still holds this one. */
  take(): Buffer {
    const done = this.buf.subarray(0, this.pos);
    this.capacity = Math.max(this.capacity, this.pos);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    return done;
  }

  comma(): void {
    this.buf[this.pos++] = COMMA;
  }

  newline(): void {
    this.buf[this.pos++] = NEWLINE;
  }

  /** A non-negative integer below 2^53 (20 bytes at most). */
  uint(n: number): void {
    const { buf } = this;
    let digits = 1;
    while (digits < 16 && n >= POWERS[digits]!) digits++;
    for (let at = this.pos + digits - 1; at >= this.pos; at--) {
      const q = Math.floor(n / 10);
      buf[at] = ZERO + (n - q * 10);
      n = q;
    }
    this.pos += digits;
  }

  /** Any text cell, escaped as csvCell does. Repeated texts (labels, ids of a few kinds) are encoded once. */
  text(s: string): void {
    let bytes = this.encoded.get(s);
    if (!bytes) {
      bytes = Buffer.from(csvCell(s), 'utf8');
      if (this.encoded.size < 1024) this.encoded.set(s, bytes);
    }
    this.reserve(bytes.length + this.slack);
    // Buffer.copy's call costs more than a loop over a short label.
    if (bytes.length > 16) this.pos += bytes.copy(this.buf, this.pos);
    else for (let i = 0; i < bytes.length; i++) this.buf[this.pos++] = bytes[i]!;
  }

  /** Text that differs row by row (an id): written without caching it. */
  uniqueText(s: string): void {
    if (/[",\n\r]/.test(s)) return this.text(s);
    this.reserve(s.length * 3 + this.slack);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * The same text as scoreText(v), without making strings: round to 7 significant digits, then
   * print the digits with the point in place and trailing fractional zeros dropped. Values outside
   * [1e-6, 1e15) and the rare product that lands within rounding error of a tie take scoreText.
   * Takes at most 24 bytes.
   */
  score(v: number): void {
    if (Number.isNaN(v)) return;
    const a = Math.abs(v);
    if (!(a >= 1e-6 && a < 1e15)) return this.ascii(scoreText(v));
    let e = Math.floor(Math.log10(a));
    if (a < (e >= 0 ? POWERS[e]! : 1 / POWERS[-e]!)) e--;
    else if (a >= (e + 1 >= 0 ? POWERS[e + 1]! : 1 / POWERS[-e - 1]!)) e++;
    const scaled = e <= 6 ? a * POWERS[6 - e]! : a / POWERS[e - 6]!;
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) < 1e-6) return this.ascii(scoreText(v));
    let m = Math.round(scaled);
    if (m === 10_000_000) {
      m = 1_000_000;
      e++;
    }
    const { buf } = this;
    if (v < 0) buf[this.pos++] = 0x2d;
    if (e >= 6) {
      this.uint(m);
      for (let z = 6; z < e; z++) buf[this.pos++] = ZERO;
      return;
    }
    // Digits after the point: 6 − e of m's 7, less its trailing zeros.
    let kept = 6 - e;
    while (kept > 0 && m % 10 === 0) {
      m /= 10;
      kept--;
    }
    if (e >= 0) {
      // m now has e + 1 + kept digits: write them, then slide the fraction right to open the point.
      const start = this.pos;
      this.uint(m);
      if (kept === 0) return;
      const point = start + e + 1;
      buf.copyWithin(point + 1, point, this.pos);
      buf[point] = 0x2e;
      this.pos++;
      return;
    }
    buf[this.pos++] = ZERO;
    buf[this.pos++] = 0x2e;
    for (let z = 1; z < -e; z++) buf[this.pos++] = ZERO;
    this.uint(m);
  }

  private ascii(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }
}

/** What a batch's rows need to become CSV lines. */
export interface ScoredRows {
  /** Index of the batch's first row in the file. */
  first: number;
  rows: number;
  ids: string[] | null;
  bad: string[] | null;
  /** k per row. */
  scores: Float32Array;
  k: number;
  classes: string[] | null;
  labels: Int32Array | null;
  labelTexts: string[] | null;
}

/**
 * A batch's lines: [id,] row, then label and one probability per class (or the prediction), then
 * error. A row with a non-number gets empty scores and its reason; `onInvalid` hears of each.
 */
export function scoreLines(csv: CsvBuffer, b: ScoredRows, onInvalid: (row: number, reason: string) => void): Buffer {
  const empty = b.classes ? b.k + 1 : 1;
  for (let i = 0; i < b.rows; i++) {
    csv.reserve(32 + 26 * b.k);
    if (b.ids) {
      csv.uniqueText(b.ids[i]!);
      csv.comma();
    }
    csv.uint(b.first + i);
    csv.comma();
    const reason = b.bad?.[i] ? `not a number in ${b.bad[i]}` : '';
    if (reason) {
      onInvalid(b.first + i, reason);
      for (let c = 0; c < empty; c++) csv.comma();
      csv.text(reason);
    } else {
      if (b.labels) {
        const label = b.labels[i]!;
        csv.text(label >= 0 ? b.classes![label]! : b.labelTexts![i]!);
        csv.comma();
      }
      for (let c = 0; c < b.k; c++) {
        csv.score(b.scores[i * b.k + c]!);
        csv.comma();
      }
    }
    csv.newline();
  }
  return csv.take();
}
