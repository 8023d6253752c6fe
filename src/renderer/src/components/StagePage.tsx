import { STAGES, type StageId } from '../../../shared/stages';
import { useAppStore } from '../store';

/** A stage whose workspace is not built yet: the page says what it will do, never a blank page. */
export function StagePage({ stageId }: { stageId: StageId }) {
  const setStage = useAppStore((s) => s.setView);
  const setJobsOpen = useAppStore((s) => s.setJobsOpen);
  const index = Math.max(0, STAGES.findIndex((s) => s.id === stageId));
  const stage = STAGES[index]!;
  const previous = STAGES[index - 1];
  const next = STAGES[index + 1];

  return (
    <article className="stage-page" aria-labelledby="stage-title" data-stage={stage.id}>
      <p className="eyebrow">
        Stage {index + 1} of {STAGES.length}
      </p>
      <div className="stage-heading">
        <h1 id="stage-title" data-testid="stage-title">
          {stage.title}
        </h1>
        <span className="badge badge-planned">Not built yet</span>
      </div>
      <p className="stage-summary">{stage.summary}</p>

      <section className="card plan-card" aria-labelledby="plan-title">
        <h2 id="plan-title">What this workspace will do</h2>
        <ol className="plan-list">
          {stage.plan.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      </section>

      <section className="card meanwhile-card" aria-labelledby="meanwhile-title">
        <h2 id="meanwhile-title">Meanwhile</h2>
        <p>
          Long work in every stage — imports, profiling, training, exports, deployments — runs as a job with
          progress, an estimate of the time left, a log and a cancel button. Try the machinery now with a demo job.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setJobsOpen(true);
            requestAnimationFrame(() => document.getElementById('demo-steps')?.focus());
          }}
        >
          Try a demo job
        </button>
      </section>

      <nav className="stage-pager" aria-label="Neighbouring stages">
        {previous ? (
          <button type="button" className="button ghost" onClick={() => setStage(previous.id)}>
            ← {previous.title}
          </button>
        ) : (
          <span />
        )}
        {next && (
          <button type="button" className="button ghost" onClick={() => setStage(next.id)}>
            {next.title} →
          </button>
        )}
      </nav>
    </article>
  );
}
