import { useAppStore } from '../store';
import { Brand } from './Brand';

/** What shows before the engine answered: a spinner while connecting, the reason if it failed. */
export function ConnectionScreen() {
  const appState = useAppStore((s) => s.appState);
  const error = useAppStore((s) => s.connectionError);
  const reload = useAppStore((s) => s.reload);

  if (appState !== 'error') {
    return (
      <main className="center-screen" aria-busy="true">
        <Brand />
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Connecting to the MLCycle engine…
        </p>
      </main>
    );
  }
  return (
    <main className="center-screen">
      <Brand />
      <section className="card error-card" role="alert">
        <h1>Can’t reach the MLCycle engine</h1>
        <p>{error}</p>
        <button type="button" className="button primary" onClick={reload}>
          Try again
        </button>
      </section>
    </main>
  );
}
