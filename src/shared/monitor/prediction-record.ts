/** What a model server's prediction log hands out (GET /v2/logs/predictions), and what collection reads. */

/** One logged request, as the workbench reads it back. */
export interface PredictionRecord {
  /** Position in the log: 1, 2, 3 … across restarts; the reader's cursor. */
  seq: number;
  at: string;
  requestId: string | null;
  model: string;
  version: string;
  rows: number;
  latencyMs: number;
  /** Input columns as sent (numbers with null for missing, categories as text). */
  inputs: Record<string, Array<number | string | null>>;
  outputs: Record<string, Array<number | string | null>>;
}

export interface LogPage {
  records: PredictionRecord[];
  /** The cursor to send next time: the last seq returned (or the one given, when nothing is new). */
  next: number;
  /** Records after the given cursor that rotation deleted before they were read (0 when none). */
  lost: number;
  /** The newest seq written so far. */
  last: number;
}
