import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Client } from '../../../shared/client';
import type { Deployment, TargetConfigInput } from '../../../shared/deploy/models';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { completed } from './data';

interface Common {
  project?: string;
  json?: boolean;
}

interface TargetFlags extends Common {
  kind: string;
  port?: string;
  url?: string;
  token?: string;
  tokenFile?: string;
  ca?: string;
  context?: string;
  namespace?: string;
  kubeconfig?: string;
  image?: string;
  packageUrl?: string;
  replicas?: string;
  kserve?: boolean;
  storageUri?: string;
  replace?: boolean;
}

/** "churn@champion", "churn@3", "churn@v3" → model and version (number or alias). */
export function modelRef(text: string): { model: string; version: number | string } {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`name a registered version as MODEL@VERSION or MODEL@ALIAS (e.g. churn@champion), got "${text}"`);
  const version = text.slice(at + 1);
  const n = /^v?(\d+)$/i.exec(version);
  return { model: text.slice(0, at), version: n ? Number(n[1]) : version };
}

function configFrom(opts: TargetFlags, cwd: string): TargetConfigInput {
  const read = (file: string) => fs.readFileSync(path.resolve(cwd, file), 'utf8').trim();
  if (opts.kind === 'local') return { kind: 'local', ...(opts.port ? { port: Number(opts.port) } : {}) };
  if (opts.kind === 'server') {
    if (!opts.url) throw new UsageError('a server target needs --url https://host:port');
    const token = opts.token ?? (opts.tokenFile ? read(opts.tokenFile) : undefined);
    if (!token) throw new UsageError("a server target needs the server's admin token: --token-file F (or --token T)");
    return { kind: 'server', url: opts.url, token, ...(opts.ca ? { caCert: read(opts.ca) } : {}) };
  }
  if (opts.kind === 'kubernetes') {
    if (!opts.context || !opts.namespace) throw new UsageError('a kubernetes target needs --context and --namespace');
    return {
      kind: 'kubernetes',
      context: opts.context,
      namespace: opts.namespace,
      ...(opts.kubeconfig ? { kubeconfig: path.resolve(cwd, opts.kubeconfig) } : {}),
      ...(opts.image ? { image: opts.image } : {}),
      ...(opts.packageUrl ? { packageUrl: opts.packageUrl } : {}),
      ...(opts.replicas ? { replicas: Number(opts.replicas) } : {}),
      kserve: Boolean(opts.kserve),
      ...(opts.storageUri ? { storageUri: opts.storageUri } : {}),
    };
  }
  throw new UsageError(`--kind is local, server or kubernetes, got "${opts.kind}"`);
}

const timeline = (d: Deployment) => d.events.map((e) => `  ${e.at.slice(11, 19)} ${e.outcome === 'error' ? 'FAIL' : e.outcome === 'ok' ? ' ok ' : 'info'} ${e.step.padEnd(11)} ${e.message}`);

/** `mlcycle targets add|list|test|remove`. */
export function registerTargets(program: Command, io: CliIo, run: RunCommand): void {
  const targets = program.command('targets').description('Deploy targets of the project: a local server, a remote mlcycle serve, or a Kubernetes cluster');
  const inProject = (opts: Common, body: (client: Client) => Promise<void | number>) => run(() => withProject(io, opts.project, body), opts.json);
  const common = (c: Command, json: string) => c.option('--project <dir>', 'project folder (default: current folder)').option('--json', json);

  common(
    targets
      .command('add <name>')
      .description('Add a target (or --replace its settings)')
      .requiredOption('--kind <kind>', 'local, server or kubernetes')
      .option('--port <n>', 'local: the loopback port (default 8080)')
      .option('--url <url>', 'server: its address, e.g. https://models.example.com:8443')
      .option('--token-file <file>', "server: a file holding its admin token (kept in your user profile, not the project)")
      .option('--token <token>', 'server: the admin token itself (prefer --token-file: shells keep history)')
      .option('--ca <pem>', 'server: a CA or self-signed certificate to trust')
      .option('--context <name>', 'kubernetes: the kubeconfig context')
      .option('--namespace <ns>', 'kubernetes: the namespace')
      .option('--kubeconfig <file>', 'kubernetes: the kubeconfig file (default: ~/.kube/config)')
      .option('--image <ref>', 'kubernetes: the MLCycle server image')
      .option('--package-url <url>', 'kubernetes: where pods download the package ({model} and {version} are filled in)')
      .option('--replicas <n>', 'kubernetes: pods always running; the autoscaler adds as many again under CPU load (default 2)')
      .option('--kserve', 'kubernetes: also render a KServe InferenceService')
      .option('--storage-uri <uri>', 'kubernetes with --kserve: a model repository (s3://, gs://, pvc://) holding {model}/1/model.onnx')
      .option('--replace', 'replace the settings of an existing target with this name'),
    'print the target',
  ).action((name: string, opts: TargetFlags) =>
    inProject(opts, async (client) => {
      const t = await client.call('targets.add', { name, config: configFrom(opts, io.cwd), replace: Boolean(opts.replace) });
      emit(io, opts.json, t, () => `Added ${t.kind} target ${t.name}. Check it with: mlcycle targets test ${t.name}`);
    }),
  );

  common(targets.command('list', { isDefault: true }).description('List the targets'), 'print [Target]').action((opts: Common) =>
    inProject(opts, async (client) => {
      const list = await client.call('targets.list', {});
      emit(io, opts.json, list, () =>
        list.length
          ? table([['TARGET', 'KIND', 'WHERE'], ...list.map((t) => [t.name, t.kind, t.kind === 'local' ? `127.0.0.1:${String(t.config.port)}` : t.kind === 'server' ? String(t.config.url) : `${String(t.config.context)}/${String(t.config.namespace)}`])])
          : 'No targets yet. Add one: mlcycle targets add local --kind local',
      );
    }),
  );

  common(targets.command('test <name>').description('Check that a target can be reached and its admin token works (starts a local target’s server)'), 'print {target, ok, checks}').action((name: string, opts: Common) =>
    inProject(opts, async (client) => {
      const r = await client.call('targets.test', { target: name });
      emit(io, opts.json, r, () => r.checks.map((c) => `${c.ok ? ' ok ' : 'FAIL'}  ${c.check.padEnd(12)} ${c.message}`).join('\n'));
      return r.ok ? 0 : 1;
    }),
  );

  common(targets.command('remove <name>').description('Remove a target with nothing live on it'), 'print null').action((name: string, opts: Common) =>
    inProject(opts, async (client) => {
      await client.call('targets.remove', { target: name });
      emit(io, opts.json, null, () => `Removed ${name}.`);
    }),
  );
}

function needTarget(target: string | undefined, sub: string): void {
  if (!target) throw new UsageError(`name the target: mlcycle deploy ${sub} --target NAME (mlcycle targets list)`);
}

/** `mlcycle deploy <model@version> --target NAME` and `deploy status|rollback|undeploy|render|list`. */
export function registerDeploy(program: Command, io: CliIo, run: RunCommand): void {
  const inProject = (opts: Common, body: (client: Client) => Promise<void | number>) => run(() => withProject(io, opts.project, body), opts.json);
  const deploy = program
    .command('deploy')
    .description('Deploy a registered version to a target: push the signed package, activate it, smoke-test it with test rows, roll back when that fails')
    .argument('[model@version|package]', 'a registered version (churn@champion, churn@3) or a signed .mlpkg file')
    .option('--target <name>', 'the deploy target')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the Deployment {id, target, model, version, status, url, events}')
    .action((ref: string | undefined, opts: Common & { target?: string }) =>
      inProject(opts, async (client) => {
        if (!ref) throw new UsageError('name what to deploy: mlcycle deploy MODEL@VERSION --target NAME (or a .mlpkg file)');
        if (!opts.target) throw new UsageError('name the target with --target (mlcycle targets list)');
        const file = path.resolve(io.cwd, ref);
        const what = ref.endsWith('.mlpkg') || fs.existsSync(file) ? { package: file } : modelRef(ref);
        const job = await client.call('deploy.start', { target: opts.target, ...what });
        const done = await completed(client, job, io, Boolean(opts.json));
        if (!done) return 1;
        const d = done.result as Deployment;
        emit(io, opts.json, d, () => [`${d.model} v${d.version} on ${d.target}: ${d.status.replace('_', ' ')}${d.url ? ` — ${d.url}` : ''}`, ...timeline(d)].join('\n'));
        return d.status === 'live' ? 0 : 1;
      }),
    );
  const sub = (name: string, description: string) =>
    deploy.command(name).description(description).option('--target <name>', 'the deploy target (required)').option('--project <dir>', 'project folder (default: current folder)').option('--json', 'print the result as JSON');
  // `deploy status --json`: commander may hand --json and --project to the parent `deploy`, which has them too.
  const merged = <T extends Common & { target?: string }>(own: T, command: Command): T & { target: string } => {
    const opts = { ...command.parent?.opts<Common & { target?: string }>(), ...own, json: Boolean(own.json || command.parent?.opts<Common>().json) } as T & { target: string };
    return opts;
  };

  sub('status', "The target's live deployment, what its server serves, and its request rate, errors and latency").action((own: Common & { target: string }, command: Command) => {
    const opts = merged(own, command);
    return inProject(opts, async (client) => {
      needTarget(opts.target, command.name());
      const s = await client.call('deploy.status', { target: opts.target });
      emit(io, opts.json, s, () =>
        [
          s.deployment ? `${s.deployment.model} v${s.deployment.version}: ${s.deployment.status}${s.deployment.url ? ` — ${s.deployment.url}` : ''}` : `Nothing deployed to ${s.target} yet.`,
          s.reachable ? `Server: ${s.message}; serves ${s.models.map((m) => `${m.name} v${m.active}${m.canary ? ` (+${m.canary.percent}% to v${m.canary.version})` : ''}`).join(', ') || 'nothing'}` : `Server unreachable: ${s.message}`,
          ...s.metrics.map((m) => `  ${m.model} v${m.version}: ${m.requests} requests, ${m.errors} errors, mean ${m.meanLatencyMs?.toFixed(2) ?? '—'} ms, p99 ${m.p99LatencyMs?.toFixed(2) ?? '—'} ms, ${m.inFlight} in flight`),
          ...(s.deployment ? timeline(s.deployment) : []),
        ].join('\n'),
      );
    });
  });
  sub('rollback', 'Serve the version deployed before the current one again').action((own: Common & { target: string }, command: Command) => {
    const opts = merged(own, command);
    return inProject(opts, async (client) => {
      needTarget(opts.target, command.name());
      const d = await client.call('deploy.rollback', { target: opts.target });
      emit(io, opts.json, d, () => `${d.target} serves ${d.model} v${d.version} again.`);
    });
  });
  sub('undeploy', 'Take the model off the target (a local target’s server stops)').action((own: Common & { target: string }, command: Command) => {
    const opts = merged(own, command);
    return inProject(opts, async (client) => {
      needTarget(opts.target, command.name());
      const d = await client.call('deploy.undeploy', { target: opts.target });
      emit(io, opts.json, d, () => (d ? `Undeployed ${d.model} v${d.version} from ${d.target}.` : `Stopped ${opts.target}'s server.`));
    });
  });
  sub('render', 'Print the Kubernetes manifests a deploy would apply, for GitOps').argument('<model@version>').action((ref: string, own: Common & { target: string }, command: Command) => {
    const opts = merged(own, command);
    return inProject(opts, async (client) => {
      needTarget(opts.target, command.name());
      const r = await client.call('deploy.render', { target: opts.target, ...modelRef(ref) });
      emit(io, opts.json, r, () => r.yaml.trimEnd());
    });
  });
  deploy
    .command('list')
    .description('Every deployment of the project (or of one target), newest first')
    .option('--target <name>', 'only this target')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print [Deployment]')
    .action((own: Common & { target?: string }, command: Command) => {
      const opts = merged(own, command);
      return inProject(opts, async (client) => {
        const list = await client.call('deploy.list', opts.target ? { target: opts.target } : {});
        emit(io, opts.json, list, () =>
          list.length ? table([['WHEN', 'TARGET', 'VERSION', 'STATUS', 'BY'], ...list.map((d) => [d.createdAt.slice(0, 19).replace('T', ' '), d.target, `${d.model} v${d.version}`, d.status, d.createdBy])]) : 'No deployments yet.',
        );
      });
    });
}
