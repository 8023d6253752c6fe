import { useState, type FormEvent } from 'react';
import { durationInWords } from '../lib/format';
import { useAppStore } from '../store';

function clampInt(text: string, min: number, max: number, fallback: number): number {
  const value = Math.round(Number(text));
  return Number.isFinite(value) && text.trim() !== '' ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Starts `demo.start`: real CPU work in a worker thread, to show progress, logs, cancel and failure. */
export function DemoJobForm() {
  const [steps, setSteps] = useState('30');
  const [stepMs, setStepMs] = useState('100');
  const [failAt, setFailAt] = useState('');
  const busy = useAppStore((s) => s.demoBusy);
  const startDemo = useAppStore((s) => s.startDemo);

  const nSteps = clampInt(steps, 1, 100_000, 30);
  const nStepMs = clampInt(stepMs, 0, 60_000, 100);
  const nFailAt = failAt.trim() ? clampInt(failAt, 1, nSteps, 1) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void startDemo(nFailAt === undefined ? { steps: nSteps, stepMs: nStepMs } : { steps: nSteps, stepMs: nStepMs, failAtStep: nFailAt });
  };

  return (
    <form className="demo-form" onSubmit={submit} aria-label="Demo job">
      <div className="demo-fields">
        <div className="field">
          <label htmlFor="demo-steps">Steps</label>
          <input id="demo-steps" data-testid="demo-steps" type="number" min={1} max={100000} value={steps} onChange={(e) => setSteps(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="demo-step-ms">ms per step</label>
          <input id="demo-step-ms" data-testid="demo-step-ms" type="number" min={0} max={60000} step={10} value={stepMs} onChange={(e) => setStepMs(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="demo-fail-at">Fail at step</label>
          <input id="demo-fail-at" data-testid="demo-fail-at" type="number" min={1} placeholder="never" value={failAt} onChange={(e) => setFailAt(e.target.value)} />
        </div>
      </div>
      <div className="demo-actions">
        <button type="submit" className="button primary" data-testid="start-demo" disabled={busy}>
          Run demo job
        </button>
        <span className="hint">≈ {durationInWords(nSteps * nStepMs)} of CPU work</span>
      </div>
    </form>
  );
}
