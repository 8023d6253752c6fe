import type { TargetFormValues } from '../../lib/deploy-target-form';
import { Field } from '../form/Field';

interface KindFieldsProps {
  values: TargetFormValues;
  errors: Record<string, string>;
  editing: boolean;
  disabled: boolean;
  set(patch: Partial<TargetFormValues>): void;
}

/** The settings of one kind of target: a port, a server's URL and secrets, or a cluster. */
export function TargetKindFields({ values: v, errors, editing, disabled, set }: KindFieldsProps) {
  if (v.kind === 'local')
    return (
      <Field id="target-port" label="Port" error={errors.port} hint="On this machine’s loopback (127.0.0.1). 0 picks any free port when the server starts.">
        {(control) => <input {...control} type="number" min={0} max={65535} inputMode="numeric" value={v.port} onChange={(e) => set({ port: e.target.value })} disabled={disabled} data-testid="target-port" />}
      </Field>
    );

  if (v.kind === 'server')
    return (
      <>
        <Field id="target-url" label="Server URL" error={errors.url} hint={<>Where <code>mlcycle serve</code> answers, e.g. https://models.example.com:8443.</>}>
          {(control) => <input {...control} type="url" value={v.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://models.example.com:8443" autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-url" />}
        </Field>
        <Field
          id="target-token"
          label="Admin token"
          error={errors.token}
          hint={editing ? 'Tokens are never shown back: enter it again to save the target (it is kept in your user profile, not the project).' : 'The contents of the server’s --token-file. Kept in your user profile, never in the project, and never shown back.'}
        >
          {(control) => <input {...control} type="password" value={v.token} onChange={(e) => set({ token: e.target.value })} autoComplete="new-password" spellCheck={false} disabled={disabled} data-testid="target-token" />}
        </Field>
        <Field id="target-ca" label="CA certificate (optional)" error={errors.caCert} hint="PEM of the CA, or of the server’s self-signed certificate, to trust for this server only.">
          {(control) => <textarea {...control} rows={4} className="mono" value={v.caCert} onChange={(e) => set({ caCert: e.target.value })} placeholder="-----BEGIN CERTIFICATE-----" spellCheck={false} disabled={disabled} data-testid="target-ca" />}
        </Field>
      </>
    );

  return (
    <div className="field-grid">
      <Field id="target-context" label="Context" error={errors.context} hint="The kubeconfig context.">
        {(control) => <input {...control} value={v.context} onChange={(e) => set({ context: e.target.value })} autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-context" />}
      </Field>
      <Field id="target-namespace" label="Namespace" error={errors.namespace}>
        {(control) => <input {...control} value={v.namespace} onChange={(e) => set({ namespace: e.target.value })} autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-namespace" />}
      </Field>
      <Field id="target-kubeconfig" label="Kubeconfig path (optional)" error={errors.kubeconfig} className="span-2" hint="Default: $KUBECONFIG or ~/.kube/config.">
        {(control) => <input {...control} value={v.kubeconfig} onChange={(e) => set({ kubeconfig: e.target.value })} autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-kubeconfig" />}
      </Field>
      <Field id="target-image" label="Server image (optional)" error={errors.image} className="span-2">
        {(control) => <input {...control} value={v.image} onChange={(e) => set({ image: e.target.value })} autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-image" />}
      </Field>
      <Field id="target-package-url" label="Package URL (optional)" error={errors.packageUrl} className="span-2" hint={<>Where pods fetch the package from; <code>{'{model}'}</code> and <code>{'{version}'}</code> are filled in.</>}>
        {(control) => <input {...control} value={v.packageUrl} onChange={(e) => set({ packageUrl: e.target.value })} placeholder="https://artifacts.example.com/{model}/{version}.mlpkg" autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-package-url" />}
      </Field>
      <Field id="target-replicas" label="Replicas" error={errors.replicas} hint="Pods always running; the autoscaler adds as many again under CPU load.">
        {(control) => <input {...control} type="number" min={1} max={100} inputMode="numeric" value={v.replicas} onChange={(e) => set({ replicas: e.target.value })} disabled={disabled} data-testid="target-replicas" />}
      </Field>
      <div className="checkbox-row target-kserve">
        <input id="target-kserve" type="checkbox" checked={v.kserve} onChange={(e) => set({ kserve: e.target.checked })} disabled={disabled} data-testid="target-kserve" />
        <label htmlFor="target-kserve">Render a KServe InferenceService</label>
      </div>
      {v.kserve && (
        <Field id="target-storage-uri" label="Model repository URI (KServe)" error={errors.storageUri} className="span-2" hint={<>Where KServe downloads from (s3://, gs://, pvc://); it must hold <code>{'{model}'}/1/model.onnx</code>.</>}>
          {(control) => <input {...control} value={v.storageUri} onChange={(e) => set({ storageUri: e.target.value })} placeholder="s3://models/churn" autoComplete="off" spellCheck={false} disabled={disabled} data-testid="target-storage-uri" />}
        </Field>
      )}
    </div>
  );
}
