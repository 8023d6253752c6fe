import { sameObjectiveForm, toObjectiveForm } from '../lib/objective-form';
import { samePolicyForm, toPolicyForm } from '../lib/policy-form';
import type { AppState } from './types';

/** Derived answers components ask for; each returns a primitive so selectors stay stable. */

export const selectObjectiveDirty = (s: AppState): boolean =>
  s.objective !== null && s.objectiveDraft !== null && !sameObjectiveForm(s.objectiveDraft, toObjectiveForm(s.objective.value));

export const selectPolicyDirty = (s: AppState): boolean =>
  s.policy !== null && s.policyDraft !== null && !samePolicyForm(s.policyDraft, toPolicyForm(s.policy.value));

export const selectGovernanceDirty = (s: AppState): boolean => selectObjectiveDirty(s) || selectPolicyDirty(s);
