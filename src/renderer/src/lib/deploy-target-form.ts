import type { Target, TargetConfigInput, TargetKind } from '../../../shared/deploy/models';

/** The Add/Edit target form as plain strings (what inputs hold), and its translation to the contract. */

export interface TargetFormValues {
  name: string;
  kind: TargetKind;
  port: string;
  url: string;
  /** Never filled from a stored target: the engine does not send tokens back. */
  token: string;
  caCert: string;
  context: string;
  namespace: string;
  kubeconfig: string;
  image: string;
  packageUrl: string;
  replicas: string;
  kserve: boolean;
  storageUri: string;
}

export const EMPTY_TARGET_FORM: TargetFormValues = {
  name: '',
  kind: 'local',
  port: '0',
  url: '',
  token: '',
  caCert: '',
  context: '',
  namespace: 'default',
  kubeconfig: '',
  image: '',
  packageUrl: '',
  replicas: '2',
  kserve: false,
  storageUri: '',
};

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);

/** A stored target's settings in the form, for editing (the token stays empty). */
export function formOf(target: Target): TargetFormValues {
  const c = target.config;
  return {
    ...EMPTY_TARGET_FORM,
    name: target.name,
    kind: target.kind,
    port: str(c.port, '0'),
    url: str(c.url),
    caCert: str(c.caCert),
    context: str(c.context),
    namespace: str(c.namespace, 'default'),
    kubeconfig: str(c.kubeconfig),
    image: str(c.image),
    packageUrl: str(c.packageUrl),
    replicas: str(c.replicas, '2'),
    kserve: c.kserve === true,
    storageUri: str(c.storageUri),
  };
}

/** A number the engine will check, or NaN for text that is not one (the engine then names the field). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The contract's config for the chosen kind: only that kind's fields, empty optional ones left out. */
export function configOf(v: TargetFormValues): TargetConfigInput {
  if (v.kind === 'local') return { kind: 'local', port: numberOf(v.port) };
  if (v.kind === 'server') return { kind: 'server', url: v.url.trim(), token: v.token.trim(), ...(optional(v.caCert) ? { caCert: v.caCert.trim() } : {}) };
  return {
    kind: 'kubernetes',
    context: v.context.trim(),
    namespace: v.namespace.trim(),
    ...(optional(v.kubeconfig) ? { kubeconfig: v.kubeconfig.trim() } : {}),
    ...(optional(v.image) ? { image: v.image.trim() } : {}),
    ...(optional(v.packageUrl) ? { packageUrl: v.packageUrl.trim() } : {}),
    replicas: numberOf(v.replicas),
    kserve: v.kserve,
    ...(v.kserve && optional(v.storageUri) ? { storageUri: v.storageUri.trim() } : {}),
  };
}

/**
 * The engine's INVALID_ARGUMENT names each field ('config.url', 'name'); the form shows each message
 * beside its input. Keys are the form's field names.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const details = (error as { details?: { fields?: Array<{ field: string; message: string }> } } | null)?.details;
  const out: Record<string, string> = {};
  for (const f of details?.fields ?? []) {
    const key = f.field.replace(/^config\./, '');
    out[key] ??= f.message;
  }
  return out;
}
