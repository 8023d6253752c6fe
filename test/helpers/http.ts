import http from 'node:http';
import https from 'node:https';

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON replies are read field by field in the assertions
  body: any;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** One HTTP(S) request on a fresh connection (no keep-alive, so a closed server is seen as closed). */
export function request(base: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(route, base);
  const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers: { 'Content-Type': 'application/json', ...headers }, rejectUnauthorized: false, agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
        resolve({ status: res.statusCode!, body: parsed, text, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
