import type { ObjectiveRecord } from '../../../shared/governance/methods';
import { FORM_PATHS, fromObjectiveForm, toObjectiveForm, type ObjectiveForm } from '../lib/objective-form';
import { toFormProblem, withoutFields, type FormProblem } from '../lib/problems';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

/** What the last save did: a new version, or nothing because nothing had changed. */
export type SaveOutcome = { kind: 'saved' | 'unchanged'; version: number } | null;

export interface ObjectiveSlice {
  /** The saved objective (version 0 = never saved); null until loaded. */
  objective: ObjectiveRecord | null;
  /** Unsaved edits; null when the form shows the saved version. Kept here so switching tabs loses nothing. */
  objectiveDraft: ObjectiveForm | null;
  objectiveProblem: FormProblem | null;
  objectiveOutcome: SaveOutcome;
  objectiveSaving: boolean;
  editObjective(change: Partial<ObjectiveForm>): void;
  discardObjectiveDraft(): void;
  /** Saves the draft as a new version (with an optional note); false if it was refused. */
  saveObjective(note: string): Promise<boolean>;
}

export const OBJECTIVE_INITIAL = {
  objective: null,
  objectiveDraft: null,
  objectiveProblem: null,
  objectiveOutcome: null,
  objectiveSaving: false,
} satisfies Partial<ObjectiveSlice>;

export const createObjectiveSlice: SliceCreator<ObjectiveSlice> = (set, get) => ({
  ...OBJECTIVE_INITIAL,

  editObjective(change) {
    const saved = get().objective;
    if (!saved) return;
    const touched = (Object.keys(change) as (keyof ObjectiveForm)[]).flatMap((key) => FORM_PATHS[key]);
    set((state) => ({
      objectiveDraft: { ...(state.objectiveDraft ?? toObjectiveForm(saved.value)), ...change },
      objectiveProblem: withoutFields(state.objectiveProblem, touched),
      objectiveOutcome: null,
    }));
  },

  discardObjectiveDraft() {
    set({ objectiveDraft: null, objectiveProblem: null, objectiveOutcome: null });
  },

  async saveObjective(note) {
    const saved = get().objective;
    if (!saved || get().objectiveSaving) return false;
    const converted = fromObjectiveForm(get().objectiveDraft ?? toObjectiveForm(saved.value));
    if ('problem' in converted) {
      set({ objectiveProblem: converted.problem, objectiveOutcome: null });
      return false;
    }
    const current = projectGuard(get);
    set({ objectiveSaving: true });
    try {
      const record = await clientOf(get).call('objective.set', { objective: converted.objective, note: note.trim() });
      if (!current()) return false;
      const kind = record.version === saved.version ? 'unchanged' : 'saved';
      set({ objective: record, objectiveDraft: null, objectiveProblem: null, objectiveOutcome: { kind, version: record.version } });
      if (kind === 'saved') get().governanceChanged();
      return true;
    } catch (error) {
      if (current()) set({ objectiveProblem: toFormProblem(error, 'objective'), objectiveOutcome: null });
      return false;
    } finally {
      set({ objectiveSaving: false });
    }
  },
});
