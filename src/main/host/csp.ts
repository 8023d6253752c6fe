import { APP_CSP } from '../policy/csp';

/**
 * The headless host sends the desktop window's policy: the browser workspace runs the same
 * renderer, and same-origin WebSockets count as 'self'.
 */
export const HEADLESS_CSP = APP_CSP;
