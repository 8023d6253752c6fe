import type { DatasetVersion } from '../../../../../shared/data/models';
import { isActive } from '../../../lib/jobs';
import { analysisFeatures } from '../../../lib/groupings-words';
import '../../../styles/groupings.css';
import { AnalysisStatus } from './AnalysisStatus';
import { AnomaliesSection } from './AnomaliesSection';
import { ClustersSection } from './ClustersSection';
import { PcaSection } from './PcaSection';
import { SpearmanSection } from './SpearmanSection';
import { useAnalysis } from './useAnalysis';

/**
 * Groupings of one version: PCA, k-means with the elbow, anomalous rows and rank correlations, from
 * the engine's analysis job. While another k is computed the previous analysis stays on screen.
 */
export function GroupingsPanel({ version }: { version: DatasetVersion }) {
  const handle = useAnalysis(version);
  const { analysis } = handle;
  const busy = handle.asking || Boolean(handle.job && isActive(handle.job.status));

  return (
    <div className="groupings-view">
      <AnalysisStatus version={version} handle={handle} features={analysisFeatures(version)} />
      {analysis && (
        <>
          <PcaSection analysis={analysis} target={version.target} />
          <div className="groupings-pair">
            <ClustersSection key={analysis.clusters.k} analysis={analysis} target={version.target} busy={busy} onRun={handle.run} />
            <AnomaliesSection analysis={analysis} />
          </div>
          <SpearmanSection spearman={analysis.spearman} />
        </>
      )}
    </div>
  );
}
