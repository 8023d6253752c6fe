import { isAppUrl, isDevServerUrl, type PolicyContext } from './origin';

/**
 * Permission policy (security checklist item 5): every permission is refused unless it is on
 * this list *and* the request comes from the app's own page. The workbench needs none of camera,
 * microphone, geolocation, MIDI, USB, HID, serial, screen capture or clipboard read. It asks for two
 * things: writing plain text to the clipboard ("copy run id"), and notifications, so a monitoring
 * alert reaches the user as a desktop notification while the window is in the background.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

/**
 * Decides a permission request or check. `requestingUrl` is the page URL for requests and the
 * origin (`app://mlcycle`) for checks; both forms are accepted. Deny by default.
 */
export function decidePermission(permission: string, requestingUrl: string | null | undefined, context: PolicyContext = {}): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  if (!requestingUrl) return false;
  return isAppUrl(requestingUrl) || isDevServerUrl(requestingUrl, context.devServerUrl);
}
