import { useMemo, useState } from 'react';
import { useSaveShortcut } from '../../hooks/useSaveShortcut';
import { toObjectiveForm } from '../../lib/objective-form';
import { useAppStore } from '../../store';
import { selectObjectiveDirty } from '../../store/selectors';
import { ProblemSummary } from '../form/ProblemSummary';
import { SaveBar } from '../form/SaveBar';
import { BusinessFields } from './BusinessFields';
import { ConstraintFields } from './ConstraintFields';
import { DataSourceRows } from './DataSourceRows';
import { ProblemFields } from './ProblemFields';
import { objectiveInputId, objectiveLabel } from './section-props';
import { SuccessFields } from './SuccessFields';

/** The objective, grouped as a reader thinks about it; every save is a new version with its changes. */
export function ObjectiveForm({ active }: { active: boolean }) {
  const saved = useAppStore((s) => s.objective);
  const draft = useAppStore((s) => s.objectiveDraft);
  const problem = useAppStore((s) => s.objectiveProblem);
  const outcome = useAppStore((s) => s.objectiveOutcome);
  const saving = useAppStore((s) => s.objectiveSaving);
  const dirty = useAppStore(selectObjectiveDirty);
  const edit = useAppStore((s) => s.editObjective);
  const discard = useAppStore((s) => s.discardObjectiveDraft);
  const saveObjective = useAppStore((s) => s.saveObjective);
  const [note, setNote] = useState('');
  const form = useMemo(() => draft ?? (saved ? toObjectiveForm(saved.value) : null), [draft, saved]);

  const save = async () => {
    if (await saveObjective(note)) setNote('');
  };
  useSaveShortcut(() => void save(), active);
  if (!saved || !form) return null;

  const sectionProps = { form, edit, problem };
  return (
    <form
      className="gov-form"
      aria-label="Objective"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ProblemSummary problem={problem} idFor={objectiveInputId} labels={objectiveLabel} testId="objective-errors" />
      <ProblemFields {...sectionProps} />
      <SuccessFields {...sectionProps} />
      <ConstraintFields {...sectionProps} />
      <BusinessFields {...sectionProps} />
      <DataSourceRows {...sectionProps} />
      <SaveBar what="objective" dirty={dirty} saving={saving} refused={problem?.message} outcome={outcome} saved={saved} note={note} onNote={setNote} onDiscard={discard} />
    </form>
  );
}
