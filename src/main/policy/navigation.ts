import { isOwnPage, parseUrl, type PolicyContext } from './origin';

/**
 * Navigation and new-window policy (security checklist items 13–15).
 * The app is a single page: the only navigation allowed is to one of its own pages; everything
 * else is refused, and a plain web link may at most be handed to the user's browser.
 */

/** May the window navigate (main frame or sub frame) to `url`? Only to the app's own pages. */
export function isAllowedNavigation(url: string, context: PolicyContext = {}): boolean {
  return isOwnPage(url, context);
}

export type ExternalOpenDecision = 'deny' | 'open-external';

/** The longest URL ever handed to the OS; longer ones are refused, not truncated. */
export const MAX_EXTERNAL_URL_LENGTH = 4096;

/**
 * May `url` be given to `shell.openExternal`? Only http(s) to a public host, without credentials.
 * Never file:, javascript:, data:, custom schemes (which can launch local programs), nor local or
 * private-network hosts (a link must not make the user's browser talk to services on this machine).
 */
export function externalOpenPolicy(url: string): ExternalOpenDecision {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return 'deny';
  const parsed = parseUrl(url);
  if (!parsed) return 'deny';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'deny';
  if (parsed.username !== '' || parsed.password !== '') return 'deny';
  if (parsed.hostname === '' || isLocalHost(parsed.hostname)) return 'deny';
  return 'open-external';
}

/** What to do when a page tries to navigate or open a window. */
export type NavigationDecision = 'allow' | 'deny' | 'open-external';

/**
 * One decision for `will-navigate` / `will-frame-navigate` and `setWindowOpenHandler`:
 * in-place navigation stays inside the app; new windows are never created, and a web link
 * (in either case) may go to the user's browser when `externalOpenPolicy` allows it.
 */
export function decideNavigation(
  url: string,
  kind: 'navigate' | 'new-window',
  context: PolicyContext = {},
): NavigationDecision {
  if (kind === 'navigate' && isAllowedNavigation(url, context)) return 'allow';
  if (isOwnPage(url, context)) return 'deny';
  return externalOpenPolicy(url) === 'open-external' ? 'open-external' : 'deny';
}

/**
 * True for names and addresses that reach this machine or a private network:
 * localhost names, `.local` (mDNS), loopback, unspecified, RFC 1918, CGNAT, link-local,
 * IPv6 loopback/unique-local/link-local and IPv4-mapped forms of all of these.
 * Expects a hostname as WHATWG URL serialises it (so `0x7f.1` has already become `127.0.0.1`).
 */
export function isLocalHost(hostname: string): boolean {
  let host = hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '' || host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.endsWith('.local')) return true;
  if (host.startsWith('[') && host.endsWith(']')) return isLocalIPv6(host.slice(1, -1));
  const v4 = parseIPv4(host);
  return v4 ? isLocalIPv4(v4) : false;
}

function parseIPv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? bytes : null;
}

function isLocalIPv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT
  );
}

function isLocalIPv6(address: string): boolean {
  const groups = expandIPv6(address);
  if (!groups) return true; // unparsable: treat as local, i.e. refuse
  if (groups.slice(0, 7).every((g) => g === 0) && (groups[7] === 0 || groups[7] === 1)) return true; // :: and ::1
  const first = groups[0] ?? 0;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (deprecated IPv4-compatible)
  if (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return isLocalIPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  return false;
}

/** Expands an IPv6 address (as WHATWG prints it: hex groups, at most one `::`) to 8 numbers. */
function expandIPv6(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.every((g) => Number.isInteger(g)) ? groups : null;
}
