import { useMemo, useState } from 'react';
import { useSaveShortcut } from '../../hooks/useSaveShortcut';
import { POLICY_FIELDS, POLICY_GROUPS, POLICY_PATHS, type PolicyPath } from '../../lib/policy-fields';
import { DEFAULT_POLICY_FORM, sameSetting, toPolicyForm } from '../../lib/policy-form';
import { problemAt } from '../../lib/problems';
import { useAppStore } from '../../store';
import { selectPolicyDirty } from '../../store/selectors';
import { ProblemSummary } from '../form/ProblemSummary';
import { SaveBar } from '../form/SaveBar';
import { PolicyFieldRow } from './PolicyFieldRow';

const idFor = (path: string) => (path in POLICY_FIELDS ? `policy-${POLICY_FIELDS[path as PolicyPath].id}` : `policy-${path}`);
const labelFor = (path: string) => (path in POLICY_FIELDS ? POLICY_FIELDS[path as PolicyPath].label : path);

/** Promotion gates, monitoring defaults, retraining and retention: defaults explained, changes versioned. */
export function PoliciesForm({ active }: { active: boolean }) {
  const saved = useAppStore((s) => s.policy);
  const draft = useAppStore((s) => s.policyDraft);
  const problem = useAppStore((s) => s.policyProblem);
  const outcome = useAppStore((s) => s.policyOutcome);
  const saving = useAppStore((s) => s.policySaving);
  const dirty = useAppStore(selectPolicyDirty);
  const edit = useAppStore((s) => s.editPolicy);
  const reset = useAppStore((s) => s.resetPolicySetting);
  const discard = useAppStore((s) => s.discardPolicyDraft);
  const savePolicy = useAppStore((s) => s.savePolicy);
  const [note, setNote] = useState('');
  const form = useMemo(() => draft ?? (saved ? toPolicyForm(saved.value) : null), [draft, saved]);

  const save = async () => {
    if (await savePolicy(note)) setNote('');
  };
  useSaveShortcut(() => void save(), active);
  if (!saved || !form) return null;
  const customised = POLICY_PATHS.filter((path) => !sameSetting(path, form[path], DEFAULT_POLICY_FORM[path])).length;

  return (
    <form
      className="gov-form"
      aria-label="Policies"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="muted" data-testid="policy-summary">
        {customised === 0 ? 'Every setting is at its default, chosen to suit a small team.' : `${customised} of ${POLICY_PATHS.length} settings differ from the defaults.`}
      </p>
      <ProblemSummary problem={problem} idFor={idFor} labels={labelFor} testId="policy-errors" />
      {POLICY_GROUPS.map((group) => (
        <fieldset className="form-section" key={group.id}>
          <legend>{group.title}</legend>
          <p className="hint section-intro">{group.intro}</p>
          {POLICY_PATHS.filter((path) => POLICY_FIELDS[path].group === group.id).map((path) => (
            <PolicyFieldRow
              key={path}
              path={path}
              value={form[path]}
              error={problemAt(problem, path)}
              onChange={(value) => edit(path, value)}
              onReset={() => reset(path)}
            />
          ))}
        </fieldset>
      ))}
      <SaveBar what="policy" dirty={dirty} saving={saving} refused={problem?.message} outcome={outcome} saved={saved} note={note} onNote={setNote} onDiscard={discard} />
    </form>
  );
}
