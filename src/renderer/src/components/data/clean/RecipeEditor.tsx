import { useEffect, useState } from 'react';
import { moveStep, type CheckedRecipe } from '../../../lib/clean-recipe';
import { ADDABLE_KINDS, newStep, STEP_WORDS, type StepDraft } from '../../../lib/clean-steps';
import { nextStepId, type CleanPreviewError } from './clean-state';
import { StepCard } from './StepCard';

type AddableKind = (typeof ADDABLE_KINDS)[number];

interface RecipeEditorProps {
  steps: StepDraft[];
  checked: CheckedRecipe;
  previewError: CleanPreviewError | null;
  onSteps(steps: StepDraft[]): void;
}

/** Where focus goes once the list has re-rendered: a control of a step, by the step's id. */
type FocusRequest = { stepId: number; control: 'up' | 'down' | 'title' | 'first' } | { stepId: null; control: 'add' };

function focusTarget(request: FocusRequest): HTMLElement | null {
  if (request.stepId === null) return document.getElementById('clean-add-kind');
  if (request.control === 'first') return document.querySelector<HTMLElement>(`[data-step-id="${request.stepId}"] :is(input, select, textarea)`);
  return document.getElementById(`clean-${request.stepId}-${request.control}`);
}

/**
 * The ordered steps and the chooser that adds one. Focus follows what the keyboard user did: to a
 * new step's first field, to a moved step's arrow, to the step that took a removed one's place.
 */
export function RecipeEditor({ steps, checked, previewError, onSteps }: RecipeEditorProps) {
  const [kind, setKind] = useState<AddableKind>('filter');
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  useEffect(() => {
    if (!focus) return;
    focusTarget(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const add = () => {
    const step = newStep(kind, nextStepId(), checked.columns[steps.length] ?? []);
    onSteps([...steps, step]);
    setFocus(step.op === 'dedupe' ? { stepId: step.id, control: 'title' } : { stepId: step.id, control: 'first' });
  };
  const move = (index: number, delta: -1 | 1) => {
    const moved = steps[index]!;
    onSteps(moveStep(steps, index, delta));
    const to = index + delta;
    // The arrow pressed may now be disabled (first or last place): then the other one.
    const control = delta < 0 ? (to === 0 ? 'down' : 'up') : to === steps.length - 1 ? 'up' : 'down';
    setFocus({ stepId: moved.id, control });
  };
  const remove = (index: number) => {
    const rest = steps.filter((_, i) => i !== index);
    onSteps(rest);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    setFocus(neighbour ? { stepId: neighbour.id, control: 'title' } : { stepId: null, control: 'add' });
  };

  return (
    <>
      {steps.length > 0 && (
        <ol className="clean-steps" aria-label="Recipe steps, in the order they run" data-testid="clean-steps">
          {steps.map((draft, index) => (
            <StepCard
              key={draft.id}
              draft={draft}
              index={index}
              total={steps.length}
              columns={checked.columns[index] ?? []}
              errors={checked.errors[index] ?? {}}
              engineError={previewError?.step === index ? previewError : null}
              onChange={(next) => onSteps(steps.map((s, i) => (i === index ? next : s)))}
              onMove={(delta) => move(index, delta)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      {checked.recipeError && (
        <p className="form-error" role="alert">
          {checked.recipeError}
        </p>
      )}
      <div className="clean-add">
        <label htmlFor="clean-add-kind">Add a step</label>
        <select id="clean-add-kind" data-testid="clean-add-kind" value={kind} onChange={(e) => setKind(e.target.value as AddableKind)}>
          {ADDABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {STEP_WORDS[k].title}
            </option>
          ))}
        </select>
        <button type="button" className="button" data-testid="clean-add-step" onClick={add}>
          Add step
        </button>
        <span className="muted clean-add-hint">{STEP_WORDS[kind].hint}</span>
      </div>
    </>
  );
}
