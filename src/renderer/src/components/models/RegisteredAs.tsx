import { openVersionInModels } from './RegisterDialog';
import { useRegistryChanges, useVersionsOfRun } from './useRegistry';

/** On a run's page: the registry versions made from it, each a link to its page in Models. */
export function RegisteredAs({ runId }: { runId: string }) {
  useRegistryChanges();
  const { data } = useVersionsOfRun(runId);
  if (!data?.length) return null;
  return (
    <p className="train-registered" data-testid="train-registered-as">
      Registered as{' '}
      {data.map((v, i) => (
        <span key={v.id}>
          {i > 0 && ', '}
          <button type="button" className="link-button" onClick={() => openVersionInModels(v.model, v.version)}>
            {v.model} v{v.version}
          </button>
          {v.aliases.length > 0 && <span className="muted"> ({v.aliases.join(', ')})</span>}
        </span>
      ))}
      .
    </p>
  );
}
