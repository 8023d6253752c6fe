import { useEffect } from 'react';
import { driftedFeatures, firstFeature } from '../../lib/monitor-heatmap';
import { isTimeCut, type WindowArgs } from '../../lib/monitor-window';
import { DriftHeatmapGrid } from './DriftHeatmapGrid';
import { FeatureHistogramCard } from './FeatureHistogramCard';
import { monitorActions, useMonitorStore } from './monitor-store';
import { useHeatmap } from './useMonitor';

/**
 * Drift of what the deployment served against its training reference: the features × windows
 * heatmap with each window's share of drifted features, the features that drifted, and the chosen
 * feature's reference and served distributions (in the chosen window, or over every served row).
 */
export function DriftPanel({ target, args }: { target: string; args: WindowArgs | null }) {
  const { data: heatmap, error } = useHeatmap(target, args);
  const feature = useMonitorStore((s) => s.feature);
  const window = useMonitorStore((s) => s.window);

  // The feature worth looking at first is the one that drifted most.
  useEffect(() => {
    if (!heatmap) return;
    if (feature === null || !heatmap.features.some((f) => f.feature === feature)) {
      const first = firstFeature(heatmap);
      if (first) monitorActions.choose(first);
    }
  }, [heatmap, feature]);

  if (!args) return <p className="muted card">Fix the window size above to see drift.</p>;
  if (error && !heatmap)
    return (
      <p className="form-error card" role="alert" data-testid="monitor-drift-error">
        Could not judge drift: {error}
      </p>
    );
  if (!heatmap)
    return (
      <p className="muted card" role="status" data-testid="monitor-drift-loading">
        <span className="spinner" aria-hidden="true" /> Judging drift per feature and window…
      </p>
    );
  if (heatmap.windows.length === 0)
    return (
      <p className="muted card" data-testid="monitor-drift-empty">
        No served rows of {heatmap.model} v{heatmap.version} were collected yet: send it traffic, then Pull now.
      </p>
    );

  const drifted = driftedFeatures(heatmap);
  const chosen = window !== null && window < heatmap.windows.length ? window : null;
  return (
    <>
      <section className="card" aria-labelledby="drift-title" data-testid="monitor-drift">
        <h3 id="drift-title">Drift per feature and window</h3>
        <p className="muted">
          {heatmap.model} v{heatmap.version} against its training reference, {heatmap.windows.length} window{heatmap.windows.length === 1 ? '' : 's'}. Red: drifted; grey: not judged (too few
          rows). Arrow keys move between cells; Enter shows that feature in that window below.
        </p>
        <p className={drifted.length ? 'monitor-drift-summary has-drift' : 'monitor-drift-summary'} data-testid="monitor-drifted-features" role="status">
          {drifted.length === 0 ? (
            'No feature drifted in any window.'
          ) : (
            <>
              Drifted:{' '}
              {drifted.map((d, i) => (
                <span key={d.feature}>
                  {i > 0 && ', '}
                  <button type="button" className="link-button mono" onClick={() => monitorActions.choose(d.feature)} data-testid="monitor-drifted-feature" data-feature={d.feature}>
                    {d.feature}
                  </button>{' '}
                  <span className="muted">
                    ({d.windows} of {heatmap.windows.length} windows)
                  </span>
                </span>
              ))}
            </>
          )}
        </p>
        <DriftHeatmapGrid heatmap={heatmap} feature={feature} window={window} />
        {error && (
          <p className="form-error" role="alert">
            Could not refresh: {error}
          </p>
        )}
      </section>
      {feature && (
        <FeatureHistogramCard
          target={target}
          feature={feature}
          window={chosen !== null ? { index: chosen, args, ...heatmap.windows[chosen]!, timeCut: isTimeCut(heatmap.windows) } : null}
          drifted={drifted.some((d) => d.feature === feature)}
        />
      )}
    </>
  );
}
