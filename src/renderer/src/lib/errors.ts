/**
 * Engine errors arrive as MlcycleError (`code`, `message`, `details`); anything else is a plain Error.
 * We branch on `code`, never on `instanceof`, because errors cross process boundaries as data.
 */
export interface ShownError {
  code: string;
  message: string;
}

export function toShownError(error: unknown): ShownError {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown };
    const message = typeof e.message === 'string' && e.message ? e.message : 'Something went wrong.';
    if (typeof e.code === 'string') return { code: e.code, message: explain(e.code, message) };
    return { code: 'INTERNAL', message };
  }
  return { code: 'INTERNAL', message: String(error) };
}

function explain(code: string, message: string): string {
  switch (code) {
    case 'TRANSPORT':
      return `${message}. Restart \`mlcycle ui\` and reload this page.`;
    case 'UNAUTHORIZED':
      return `${message} Open the address that \`mlcycle ui\` printed, with its token.`;
    default:
      return message;
  }
}
