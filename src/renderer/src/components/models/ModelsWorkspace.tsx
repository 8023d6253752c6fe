import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { StageHeader } from '../StageHeader';
import { ModelList } from './ModelList';
import { modelsActions, useModelsStore } from './models-store';
import { SigningKeyCard } from './SigningKeyCard';
import { useRegistryChanges } from './useRegistry';
import { VersionPage } from './VersionPage';
import { VersionsPanel } from './VersionsPanel';
import '../../styles/evaluate.css';
import '../../styles/models.css';

/** Where the user is: all models, one model's versions, or one version — each step a link back. */
function Breadcrumbs({ model, version }: { model: string | null; version: number | null }) {
  if (!model) return null;
  return (
    <nav className="models-crumbs" aria-label="Registry location" data-testid="models-crumbs">
      <button type="button" className="link-button" data-testid="models-crumb-all" onClick={() => modelsActions.openModel(null)}>
        All models
      </button>
      <span aria-hidden="true">/</span>
      {version === null ? (
        <span aria-current="page">{model}</span>
      ) : (
        <>
          <button type="button" className="link-button" data-testid="models-crumb-model" onClick={() => modelsActions.openModel(model)}>
            {model}
          </button>
          <span aria-hidden="true">/</span>
          <span aria-current="page">v{version}</span>
        </>
      )}
    </nav>
  );
}

/**
 * Stage 5: the model registry. Registered models, then one model's versions, then one version with
 * its evidence (metrics, parity, lineage, model card), its gates and approvals, promotion, export and
 * scoring. Versions come from Train (a finished run → Register…).
 */
export function ModelsWorkspace() {
  const projectId = useAppStore((s) => s.project?.id ?? null);
  const governanceState = useAppStore((s) => s.governanceState);
  const loadGovernance = useAppStore((s) => s.loadGovernance);
  const model = useModelsStore((s) => s.model);
  const version = useModelsStore((s) => s.version);
  useRegistryChanges();

  useEffect(() => {
    modelsActions.adopt(projectId);
  }, [projectId]);
  // The objective names the key metric the tables show.
  useEffect(() => {
    if (governanceState === 'idle') void loadGovernance();
  }, [governanceState, loadGovernance]);

  return (
    <article className="stage-page models-page" aria-labelledby="stage-title" data-stage="models">
      <StageHeader stageId="models" />
      <Breadcrumbs model={model} version={version} />
      {model === null ? <ModelList /> : version === null ? <VersionsPanel key={model} model={model} /> : <VersionPage key={`${model}@${version}`} model={model} version={version} />}
      {model === null && <SigningKeyCard />}
    </article>
  );
}
