import type { RunMode } from './train-store';

const MODES: Array<{ mode: RunMode; title: string; hint: string }> = [
  { mode: 'single', title: 'Single run', hint: 'one learner with the settings you choose' },
  { mode: 'search', title: 'Search', hint: 'many settings of one learner, the best kept' },
  { mode: 'auto', title: 'Auto', hint: 'every learner within a time budget, ranked' },
];

/** What Start does: one run, a hyperparameter search, or auto across learners (radio buttons: arrow keys move between them). */
export function RunModeChoice({ mode, disabled, onChange }: { mode: RunMode; disabled: boolean; onChange(mode: RunMode): void }) {
  return (
    <fieldset className="train-modes" data-testid="train-mode">
      <legend className="visually-hidden">What to run</legend>
      {MODES.map((m) => (
        <label key={m.mode} className={m.mode === mode ? 'train-mode is-chosen' : 'train-mode'}>
          <input type="radio" name="train-mode" value={m.mode} data-testid={`train-mode-${m.mode}`} checked={m.mode === mode} disabled={disabled} onChange={() => onChange(m.mode)} />
          <span>
            <strong>{m.title}</strong>
            <span className="muted">{m.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
