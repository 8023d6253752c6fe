import { count, sourceInWords } from '../../lib/data-words';
import { dateTime } from '../../lib/format';
import { useAppStore } from '../../store';

/** The selected dataset's versions, newest first, each with where it came from (lineage). */
export function VersionList() {
  const versions = useAppStore((s) => s.versions);
  const selected = useAppStore((s) => s.selectedVersion);
  const selectVersion = useAppStore((s) => s.selectVersion);
  if (!selected || versions.length === 0) return null;
  const byId = new Map(versions.map((v) => [v.id, v]));

  return (
    <section className="version-section" aria-labelledby="versions-title">
      <h2 className="subheading" id="versions-title">
        Versions of {selected.datasetName}
      </h2>
      <ol className="version-list" aria-labelledby="versions-title">
        {versions.map((v) => {
          const parent = v.parentId ? byId.get(v.parentId) : undefined;
          return (
            <li key={v.id}>
              <button
                type="button"
                className="version-item"
                data-testid="version-item"
                data-version={v.version}
                aria-current={v.id === selected.id ? 'true' : undefined}
                onClick={() => void selectVersion(v.id)}
              >
                <span className="version-top">
                  <strong>v{v.version}</strong>
                  <span className="muted">{count(v.rows)} rows</span>
                </span>
                <span className="version-meta muted">
                  {dateTime(v.createdAt)} · {v.createdBy}
                </span>
                <span className="version-meta muted version-lineage" title={sourceInWords(v.source)}>
                  {v.parentId ? `derived from ${parent ? `v${parent.version}` : 'an earlier version'}` : `from ${sourceInWords(v.source)}`}
                </span>
                {v.rejectedRows > 0 && (
                  <span className="version-meta rejected">
                    {count(v.rejectedRows)} malformed {v.rejectedRows === 1 ? 'row' : 'rows'} skipped
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
