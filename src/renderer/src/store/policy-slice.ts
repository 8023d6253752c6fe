import type { PolicyRecord } from '../../../shared/governance/methods';
import { DEFAULT_POLICY_FORM, fromPolicyForm, toPolicyForm, type PolicyForm, type PolicyFormValue } from '../lib/policy-form';
import type { PolicyPath } from '../lib/policy-fields';
import { toFormProblem, withoutFields, type FormProblem } from '../lib/problems';
import { clientOf, projectGuard } from './client';
import type { SaveOutcome } from './objective-slice';
import type { SliceCreator } from './types';

export interface PolicySlice {
  /** The saved policy (version 0 = the defaults, never saved); null until loaded. */
  policy: PolicyRecord | null;
  /** Unsaved edits; null when the form shows the saved version. */
  policyDraft: PolicyForm | null;
  policyProblem: FormProblem | null;
  policyOutcome: SaveOutcome;
  policySaving: boolean;
  editPolicy(path: PolicyPath, value: PolicyFormValue): void;
  resetPolicySetting(path: PolicyPath): void;
  discardPolicyDraft(): void;
  savePolicy(note: string): Promise<boolean>;
}

export const POLICY_INITIAL = {
  policy: null,
  policyDraft: null,
  policyProblem: null,
  policyOutcome: null,
  policySaving: false,
} satisfies Partial<PolicySlice>;

export const createPolicySlice: SliceCreator<PolicySlice> = (set, get) => ({
  ...POLICY_INITIAL,

  editPolicy(path, value) {
    const saved = get().policy;
    if (!saved) return;
    set((state) => ({
      policyDraft: { ...(state.policyDraft ?? toPolicyForm(saved.value)), [path]: value },
      policyProblem: withoutFields(state.policyProblem, [path]),
      policyOutcome: null,
    }));
  },

  resetPolicySetting(path) {
    get().editPolicy(path, DEFAULT_POLICY_FORM[path]);
  },

  discardPolicyDraft() {
    set({ policyDraft: null, policyProblem: null, policyOutcome: null });
  },

  async savePolicy(note) {
    const saved = get().policy;
    if (!saved || get().policySaving) return false;
    const converted = fromPolicyForm(get().policyDraft ?? toPolicyForm(saved.value));
    if ('problem' in converted) {
      set({ policyProblem: converted.problem, policyOutcome: null });
      return false;
    }
    const current = projectGuard(get);
    set({ policySaving: true });
    try {
      const record = await clientOf(get).call('policy.set', { policy: converted.policy, note: note.trim() });
      if (!current()) return false;
      const kind = record.version === saved.version ? 'unchanged' : 'saved';
      set({ policy: record, policyDraft: null, policyProblem: null, policyOutcome: { kind, version: record.version } });
      if (kind === 'saved') get().governanceChanged();
      return true;
    } catch (error) {
      if (current()) set({ policyProblem: toFormProblem(error, 'policy'), policyOutcome: null });
      return false;
    } finally {
      set({ policySaving: false });
    }
  },
});
