import { isOwnPage, type PolicyContext } from './origin';

export interface SenderContext extends PolicyContext {
  /** Whether the sending frame is its window's top frame; iframes are never trusted. */
  isMainFrame?: boolean;
}

/**
 * Validates the sender of an IPC message (security checklist item 17): only the app's own top-level
 * page (`app://mlcycle/...`, or the dev server in development) may ask for an engine connection.
 * A missing frame (navigated away or destroyed) is untrusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, context: SenderContext = {}): boolean {
  if (context.isMainFrame === false) return false;
  if (!frameUrl) return false;
  return isOwnPage(frameUrl, context);
}
