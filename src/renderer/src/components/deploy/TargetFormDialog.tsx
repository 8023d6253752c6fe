import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TARGET_KINDS, type Target, type TargetKind } from '../../../../shared/deploy/models';
import { configOf, EMPTY_TARGET_FORM, fieldErrorsOf, formOf, type TargetFormValues } from '../../lib/deploy-target-form';
import { KIND_WORDS } from '../../lib/deploy-words';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { Field } from '../form/Field';
import { deployActions } from './deploy-store';
import { TargetKindFields } from './TargetKindFields';

/**
 * Add a target, or edit one (`target` given: its name stays, its settings are replaced). A modal
 * dialog: Enter saves from any field, Escape closes. The engine checks the settings; each refusal
 * is shown beside its field.
 */
export function TargetFormDialog({ target, onClose }: { target: Target | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const client = useAppStore((s) => s.client);
  const [values, setValues] = useState<TargetFormValues>(target ? formOf(target) : EMPTY_TARGET_FORM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TargetFormValues>) => setValues((v) => ({ ...v, ...patch }));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!client || busy) return;
    setBusy(true);
    setError(null);
    setErrors({});
    client
      .call('targets.add', { name: values.name.trim(), config: configOf(values), replace: target !== null })
      .then((saved) => {
        deployActions.changed();
        if (!target) deployActions.openTarget(saved.name);
        ref.current?.close();
      })
      .catch((e: unknown) => {
        const fields = fieldErrorsOf(e);
        setErrors(fields);
        // Field problems are shown beside their fields; anything else (a name taken) here.
        if (Object.keys(fields).length === 0) setError(toShownError(e).message);
        else setError('Some settings need fixing (see the fields marked ⚠).');
      })
      .finally(() => setBusy(false));
  };

  return (
    <dialog
      ref={ref}
      className="dialog target-dialog"
      aria-labelledby="target-form-title"
      data-testid="target-dialog"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id="target-form-title">{target ? `Edit ${target.name}` : 'Add a deploy target'}</h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={() => ref.current?.close()}>
          ×
        </button>
      </div>
      <form className="models-form target-form" onSubmit={submit} aria-label={target ? `Edit ${target.name}` : 'Add a deploy target'} noValidate>
        <div className="field-grid">
          <Field id="target-name" label="Name" error={errors.name} hint="Lower-case letters, digits, “_” or “-”.">
            {(control) => <input {...control} value={values.name} onChange={(e) => set({ name: e.target.value })} placeholder="local" autoComplete="off" spellCheck={false} disabled={busy || target !== null} autoFocus={!target} data-testid="target-name" />}
          </Field>
          <Field id="target-kind" label="Kind">
            {(control) => (
              <select {...control} value={values.kind} onChange={(e) => set({ kind: e.target.value as TargetKind })} disabled={busy} data-testid="target-kind">
                {TARGET_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_WORDS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="muted target-kind-intro">{KIND_INTRO[values.kind]}</p>
        <TargetKindFields values={values} errors={errors} editing={target !== null} disabled={busy} set={set} />
        {error && (
          <p className="form-error" role="alert" data-testid="target-form-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || !client} data-testid="target-save">
            {busy ? 'Saving…' : target ? 'Save' : 'Add target'}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

const KIND_INTRO: Record<TargetKind, string> = {
  local: 'MLCycle starts mlcycle serve on this machine when you deploy or test, and stops it when you undeploy.',
  server: 'A mlcycle serve you run elsewhere, reached over HTTP(S) with its admin token.',
  kubernetes: 'Applies a Deployment, Service and autoscaler through the Kubernetes API, waits for the rollout and smoke-tests it; the manifests (and a KServe InferenceService) can also be rendered for kubectl or GitOps.',
};
