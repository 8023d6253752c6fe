import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import { evaluateGates } from '../../../shared/governance/gates';
import { ROLE_LABELS } from '../../../shared/governance/people';
import type { PackageResult } from '../../../shared/package/models';
import { PRODUCTION_ALIAS, type ModelVersion } from '../../../shared/registry/models';
import type { EngineContext, HandlerMap } from '../context';
import { versionEvidence } from '../registry/evidence';
import { lineageOf } from '../registry/lineage';
import { servingName } from '../registry/package-docs';
import { temporaryName } from '../store/artifacts';
import { readPackage } from '../signing/verify';
import { unpackPackage } from '../signing/write';
import { exportable, requireParentFolder, startScore } from './export';

const PACKAGE_MEDIA_TYPE = 'application/vnd.mlcycle.package+zip';

/** The gates a promotion of `v` would run now, with the project's current objective and policy. */
function gatesFor(ctx: EngineContext, v: ModelVersion) {
  const { store } = ctx.session.require();
  const objective = store.objective.current().value;
  return evaluateGates(objective, store.policy.current().value, versionEvidence(v, store.runs.evaluation(v.runId), objective));
}

/** The person the caller is in this project's people list (by name or email), for an approval's role. */
function callerAsPerson(ctx: EngineContext) {
  const { store } = ctx.session.require();
  const me = ctx.identity.trim().toLowerCase();
  const person = store.people.list().find((p) => p.name.trim().toLowerCase() === me || (p.email && p.email.toLowerCase() === me));
  if (!person) {
    throw new MlcycleError(
      'INVALID_ARGUMENT',
      `You are working as '${ctx.identity}', who is not in this project's people, so an approval would carry no role. Add yourself with a role (Governance → People, or: mlcycle people add --name "${ctx.identity}" --role reviewer), then approve.`,
      { field: 'by', identity: ctx.identity },
    );
  }
  return person;
}

const describeGates = (failed: Array<{ gate: string; reason: string }>) => failed.map((g) => `${g.gate.replace('_', ' ')} — ${g.reason}`).join(' ');

export const registryHandlers = {
  'registry.list': (_args, ctx) => ctx.session.require().store.registry.list(),
  'registry.versions': (args, ctx) => ctx.session.require().store.registry.versions(args.model),
  'registry.ofRun': (args, ctx) => {
    const { store } = ctx.session.require();
    return store.registry.versionsOfRun(store.runs.get(args.run).id);
  },
  'registry.version': (args, ctx) => {
    const { store } = ctx.session.require();
    const v = store.registry.version(args.model, args.version);
    const card = readPackage(store.artifacts.pathOf(v.packageSha256)).contents.get('model-card.md');
    return {
      version: v,
      modelCard: card ? Buffer.from(card).toString('utf8') : '',
      gates: gatesFor(ctx, v),
      lineage: lineageOf(store, v),
      aliasHistory: store.registry.aliasHistory(args.model),
    };
  },

  /**
   * Packages the run into the artifacts folder as the model's next version (the number goes into the
   * package's signature, so the served name and version match the registry), then registers it when
   * the job's parity check passed.
   */
  'registry.register': (args, ctx) => {
    const { jobs, store } = ctx.session.require();
    const { run, modelFile, versionFile, splitFile } = exportable(ctx, args.run);
    const model = args.model ?? servingName(run.name);
    const planned = store.registry.nextVersionNumber(model);
    const out = path.join(store.artifacts.root, temporaryName('registry', '.mlpkg'));
    const params = { modelFile, versionFile, splitFile, out, run, evaluation: store.runs.evaluation(run.id), objective: store.objective.current().value, homeDir: ctx.homeDir, serving: { model, version: String(planned) } };
    return jobs.start('models.package', params, `Register ${run.name} as ${model} v${planned}`, (raw) => {
      const result = raw as PackageResult;
      try {
        if (store.registry.nextVersionNumber(model) !== planned) {
          throw new MlcycleError('CONFLICT', `Another registration took ${model} v${planned} while this one was packaging; register the run again.`, { model });
        }
        const sha256 = createHash('sha256').update(fs.readFileSync(out)).digest('hex');
        const stored = store.artifacts.adoptFile(out, sha256, PACKAGE_MEDIA_TYPE);
        const version = store.registry.register(
          model,
          {
            runId: run.id,
            packageSha256: sha256,
            packageBytes: stored.size,
            signer: result.signer,
            parity: result.parity,
            latencyP99Ms: result.latency?.p99Ms ?? null,
            modelBytes: result.files.find((f) => f.path === 'model.onnx')!.bytes,
            description: args.description,
            tags: args.tags,
          },
          ctx.identity,
        );
        const entry = store.audit.record({ actor: ctx.identity, action: 'registry.registered', target: `${model} v${version.version}`, details: { run: run.id, package: sha256, parity: { passed: result.parity.passed, maxAbsDiff: result.parity.maxAbsDiff, rows: result.parity.rows } }, outcome: 'ok' });
        ctx.bus.emit('audit.recorded', entry);
        return version;
      } finally {
        fs.rmSync(out, { force: true });
      }
    });
  },

  'registry.describe': (args, ctx) => {
    const { store } = ctx.session.require();
    if (args.description === undefined && args.tags === undefined) throw new MlcycleError('INVALID_ARGUMENT', 'Give a description or tags to set.', { field: 'description' });
    const change = { description: args.description, tags: args.tags };
    return args.version === undefined ? store.registry.describeModel(args.model, change) : store.registry.describeVersion(args.model, args.version, change);
  },

  'registry.alias': (args, ctx) => {
    const { store } = ctx.session.require();
    if (args.alias === PRODUCTION_ALIAS) {
      throw new MlcycleError('INVALID_ARGUMENT', `'${PRODUCTION_ALIAS}' is the production alias: promote a version to move it (mlcycle registry promote ${args.model} <version>), which runs the project's gates.`, { field: 'alias' });
    }
    store.registry.setAlias(args.model, args.alias, args.version, ctx.identity);
    return store.registry.model(args.model);
  },

  'registry.approve': (args, ctx) => {
    const { store } = ctx.session.require();
    const v = store.registry.version(args.model, args.version);
    const person = callerAsPerson(ctx);
    const earlier = v.approvals.find((a) => a.by === person.name);
    if (earlier) throw new MlcycleError('CONFLICT', `${person.name} already approved ${v.model} v${v.version} on ${earlier.at.slice(0, 10)}; an approval counts once per person.`, { field: 'version' });
    const { roles } = store.policy.current().value.promotion.approvals;
    if (!roles.includes(person.role)) {
      const counted = roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ');
      throw new MlcycleError('INVALID_ARGUMENT', `${person.name} is a ${ROLE_LABELS[person.role].toLowerCase()}; the project's policy counts approvals only from a ${counted}. Ask one to approve, or change the policy's approval roles.`, { field: 'by', role: person.role });
    }
    return store.registry.approve(v.id, person.name, person.role, args.comment);
  },

  'registry.promote': (args, ctx) => {
    const { store } = ctx.session.require();
    const v = store.registry.version(args.model, args.version);
    if (v.aliases.includes(PRODUCTION_ALIAS)) throw new MlcycleError('CONFLICT', `${v.model} v${v.version} is already the ${PRODUCTION_ALIAS}.`, { field: 'version' });
    const gates = gatesFor(ctx, v);
    if (!gates.passed) {
      const failed = gates.gates.filter((g) => g.required && !g.passed);
      throw new MlcycleError('GATE_FAILED', `Promotion of ${v.model} v${v.version} to ${PRODUCTION_ALIAS} refused by ${failed.length} gate${failed.length > 1 ? 's' : ''}: ${describeGates(failed)}`, { gates, failed: failed.map((g) => g.gate) });
    }
    const change = store.registry.setAlias(v.model, PRODUCTION_ALIAS, v.version, ctx.identity);
    return { version: store.registry.version(v.model, v.version), alias: PRODUCTION_ALIAS, previous: change.previous, gates };
  },

  'registry.export': (args, ctx) => {
    const { store } = ctx.session.require();
    const v = store.registry.version(args.model, args.version);
    const out = path.resolve(args.out);
    requireParentFolder(out);
    const existing = fs.statSync(out, { throwIfNoEntry: false });
    if (existing && (existing.isFile() || fs.readdirSync(out).length > 0)) throw new MlcycleError('CONFLICT', `${out} already exists: name a new folder or .mlpkg file.`, { field: 'out' });
    const source = store.artifacts.pathOf(v.packageSha256);
    // Written under a temporary name and renamed, so a failure leaves nothing half-written.
    const tmp = `${out}.${process.pid}.tmp`;
    try {
      if (out.endsWith('.mlpkg')) fs.copyFileSync(source, tmp);
      else unpackPackage(source, tmp);
      if (existing) fs.rmdirSync(out);
      fs.renameSync(tmp, out);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    return { out, bytes: v.packageBytes, sha256: v.packageSha256 };
  },

  'registry.score': (args, ctx) => {
    const { store } = ctx.session.require();
    const v = store.registry.version(args.model, args.version);
    return startScore(ctx, store.artifacts.pathOf(v.packageSha256), args, `${v.model} v${v.version}`);
  },
} satisfies Partial<HandlerMap>;
