/**
 * The one error shape that crosses every boundary: {code, message, details}.
 * Errors travel as plain data because Electron IPC and JSON drop class identity;
 * callers branch on `code`, never on `instanceof`.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'NO_PROJECT',
  'NOT_FOUND',
  'CONFLICT',
  /** A promotion refused by the project's gates; details.gates is the report. */
  'GATE_FAILED',
  'NOT_A_PROJECT',
  'SCHEMA_TOO_NEW',
  'CANCELLED',
  'UNAUTHORIZED',
  'TRANSPORT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown inside the engine; serialised to ApiError at the boundary. */
export class MlcycleError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'MlcycleError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ApiError {
    return toApiError(this);
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}

/** Turns anything thrown into the wire shape; unknown failures become INTERNAL with the original message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof MlcycleError || isApiError(error)) {
    const out: ApiError = { code: error.code, message: error.message };
    if (error.details !== undefined) out.details = error.details;
    return out;
  }
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

/** Rebuilds a throwable error on the calling side so `await client.call()` rejects with code and details. */
export function fromApiError(error: ApiError): MlcycleError {
  return new MlcycleError(error.code, error.message, error.details);
}
