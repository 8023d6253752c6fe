import type { Container, HttpProbe, Labels, PodTemplate, Resources } from './types';

/**
 * The pod that serves one package: an init container fetches the .mlpkg from where the user hosts
 * it, checks its sha256 and copies the trusted public keys into an MLCycle home; the server
 * container then runs `mlcycle serve` on it, which verifies the package's signature as it loads.
 *
 * Two checks on purpose: the sha256 pins the exact bytes this deploy was made for (the URL cannot
 * later hand out a different, validly signed version), and the signature proves who made it.
 */

export const SERVER_PORT = 8080;
export const PACKAGE_PATH = '/models/package.mlpkg';
/** MLCYCLE_HOME inside the pod: an emptyDir, so the server can write the key it makes on first use. */
export const POD_HOME = '/var/lib/mlcycle';
const TRUSTED_MOUNT = '/etc/mlcycle/trusted';
/** The uid the image's user has (deploy/Dockerfile); numeric so runAsNonRoot can be checked. */
export const SERVER_UID = 10001;

/**
 * Run by the init container with the image's own node (node:20-slim has no curl): streams the
 * package to disk while hashing it, refuses it on a mismatch, then copies the keys.
 *
 * The keys are copied, not mounted where the server reads them: `trustedKeys(home)` also writes the
 * user's own key under <home>/signing, and a ConfigMap mounted at <home>/signing/trusted would make
 * the runtime create <home>/signing as root, which the server (uid 10001) could not write to.
 * ConfigMap volumes list `..data` links beside the keys; only `*.pub` files are taken.
 */
export const FETCH_SCRIPT = `const fs = require('node:fs'), path = require('node:path'), crypto = require('node:crypto');
const { Readable, Transform } = require('node:stream');
const { pipeline } = require('node:stream/promises');
async function main() {
  const url = process.env.PACKAGE_URL, want = process.env.PACKAGE_SHA256, out = '${PACKAGE_PATH}';
  const shown = new URL(url).origin + new URL(url).pathname;
  const res = await fetch(url, { redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error('GET ' + shown + ' answered HTTP ' + res.status);
  const hash = crypto.createHash('sha256');
  const tap = new Transform({ transform(chunk, _enc, done) { hash.update(chunk); done(null, chunk); } });
  await pipeline(Readable.fromWeb(res.body), tap, fs.createWriteStream(out + '.part'));
  const got = hash.digest('hex');
  if (got !== want) throw new Error(shown + ' has sha256 ' + got + ', this deploy expects ' + want + ': refusing it');
  fs.renameSync(out + '.part', out);
  const to = path.join(process.env.MLCYCLE_HOME, 'signing', 'trusted');
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync('${TRUSTED_MOUNT}')) if (f.endsWith('.pub')) fs.copyFileSync(path.join('${TRUSTED_MOUNT}', f), path.join(to, f));
  console.log('fetched ' + shown + ' (sha256 ' + got + ')');
}
main().catch((e) => { console.error('fetch-package: ' + e.message); process.exit(1); });
`;

const containerSecurity = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

const probe = (path: string, periodSeconds: number, failureThreshold: number): HttpProbe => ({
  httpGet: { path, port: 'http' },
  periodSeconds,
  timeoutSeconds: 2,
  failureThreshold,
});

export interface PodInput {
  image: string;
  imagePullPolicy?: Container['imagePullPolicy'];
  packageUrl: string;
  packageSha256: string;
  trustedKeysConfigMap: string;
  trustedKeysSha256: string;
  resources: Resources;
  labels: Labels;
}

export function podTemplate(p: PodInput): PodTemplate {
  const pull = p.imagePullPolicy ? { imagePullPolicy: p.imagePullPolicy } : {};
  const home = { name: 'MLCYCLE_HOME', value: POD_HOME };
  const fetcher: Container = {
    name: 'fetch-package',
    image: p.image,
    ...pull,
    command: ['node', '-e', FETCH_SCRIPT],
    env: [{ name: 'PACKAGE_URL', value: p.packageUrl }, { name: 'PACKAGE_SHA256', value: p.packageSha256 }, home],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
    volumeMounts: [
      { name: 'models', mountPath: '/models' },
      { name: 'home', mountPath: POD_HOME },
      { name: 'trusted-keys', mountPath: TRUSTED_MOUNT, readOnly: true },
    ],
    securityContext: containerSecurity,
  };
  const server: Container = {
    name: 'server',
    image: p.image,
    ...pull,
    // The image's ENTRYPOINT is `node bin/mlcycle.js serve`; only the arguments are ours.
    args: [PACKAGE_PATH, '--host', '0.0.0.0', '--port', String(SERVER_PORT)],
    env: [home],
    ports: [{ name: 'http', containerPort: SERVER_PORT, protocol: 'TCP' }],
    resources: p.resources,
    // The server listens only once the package is verified and loaded; the startup probe gives a
    // large model up to two minutes before liveness may restart it.
    startupProbe: probe('/v2/health/live', 2, 60),
    livenessProbe: probe('/v2/health/live', 10, 3),
    readinessProbe: probe('/v2/health/ready', 5, 2),
    volumeMounts: [
      { name: 'models', mountPath: '/models', readOnly: true },
      { name: 'home', mountPath: POD_HOME },
      { name: 'tmp', mountPath: '/tmp' },
    ],
    securityContext: containerSecurity,
  };
  return {
    metadata: {
      labels: p.labels,
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(SERVER_PORT),
        'prometheus.io/path': '/metrics',
        // Changing the keys alone would not roll the pods; a hash of them in the template does.
        'mlcycle.dev/trusted-keys-sha256': p.trustedKeysSha256,
        'mlcycle.dev/package-sha256': p.packageSha256,
      },
    },
    spec: {
      // The server never talks to the API server.
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: SERVER_UID, runAsGroup: SERVER_UID, fsGroup: SERVER_UID, seccompProfile: { type: 'RuntimeDefault' } },
      // Longer than the server's default request timeout, so SIGTERM lets requests in flight finish.
      terminationGracePeriodSeconds: 45,
      initContainers: [fetcher],
      containers: [server],
      volumes: [
        { name: 'models', emptyDir: {} },
        { name: 'home', emptyDir: {} },
        { name: 'tmp', emptyDir: {} },
        { name: 'trusted-keys', configMap: { name: p.trustedKeysConfigMap } },
      ],
    },
  };
}
