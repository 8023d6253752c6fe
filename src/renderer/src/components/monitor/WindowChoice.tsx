import { useState, type FormEvent } from 'react';
import { windowArgs, type WindowMode } from '../../lib/monitor-window';
import { monitorActions, useMonitorStore } from './monitor-store';

const DEFAULT_TEXT: Record<WindowMode, string> = { auto: '', minutes: '60', rows: '500' };

/**
 * How served rows are cut into windows for drift, performance and the report: chosen from the span
 * (automatic), fixed minutes, or fixed rows. A number is applied with Enter or Apply, so typing does
 * not recompute the views at every key.
 */
export function WindowChoice() {
  const applied = useMonitorStore((s) => s.windows);
  const [mode, setMode] = useState<WindowMode>(applied.mode);
  const [text, setText] = useState(applied.mode === 'auto' ? '' : applied.text);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (next: { mode: WindowMode; text: string }) => {
    const checked = windowArgs(next);
    setProblem(checked.problem);
    if (checked.problem === null) monitorActions.setWindows(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ mode, text });
  };
  const pending = mode !== 'auto' && (applied.mode !== mode || applied.text !== text);

  return (
    <form className="monitor-windows" onSubmit={submit} aria-label="Windows" data-testid="monitor-windows">
      <label htmlFor="monitor-window-mode">Windows</label>
      <select
        id="monitor-window-mode"
        value={mode}
        data-testid="monitor-window-mode"
        onChange={(e) => {
          const next = e.target.value as WindowMode;
          setMode(next);
          setText(DEFAULT_TEXT[next]);
          if (next === 'auto') apply({ mode: 'auto', text: '' });
          else setProblem(null);
        }}
      >
        <option value="auto">automatic</option>
        <option value="minutes">by minutes</option>
        <option value="rows">by rows</option>
      </select>
      {mode !== 'auto' && (
        <>
          <input
            className="monitor-window-size"
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label={mode === 'minutes' ? 'Minutes per window' : 'Rows per window'}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'monitor-window-problem' : undefined}
            data-testid="monitor-window-size"
          />
          <span className="muted">{mode}</span>
          <button type="submit" className="button small" disabled={!pending} data-testid="monitor-window-apply">
            Apply
          </button>
        </>
      )}
      {problem && (
        <p className="form-error" role="alert" id="monitor-window-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
