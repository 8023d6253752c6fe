import type { DatasetVersion } from '../../../../shared/data/models';
import { bytesInWords, count, sourceInWords } from '../../lib/data-words';
import { dateTime } from '../../lib/format';

/** The selected version in one glance: its reference, size, target, origin, and any rows it skipped. */
export function VersionHeader({ version }: { version: DatasetVersion }) {
  return (
    <div className="version-header">
      <div className="version-title">
        <h2 data-testid="version-ref">
          {version.datasetName}
          <span className="muted">@{version.version}</span>
        </h2>
        <span className="badge">
          {count(version.rows)} rows × {version.columns.length} columns
        </span>
        <span className={version.target ? 'badge badge-planned' : 'badge'} data-testid="version-target">
          {version.target ? `target: ${version.target}` : 'no target chosen'}
        </span>
      </div>
      <p className="muted version-facts" title={`from ${sourceInWords(version.source)}\nsha256 ${version.sha256}`}>
        {bytesInWords(version.bytes)} Parquet · {version.createdBy}, {dateTime(version.createdAt)} · <span className="mono">{version.sha256.slice(0, 12)}</span> · from{' '}
        {sourceInWords(version.source)}
      </p>
      {version.rejectedRows > 0 && (
        <details className="rejected-rows">
          <summary>
            {count(version.rejectedRows)} malformed {version.rejectedRows === 1 ? 'row was' : 'rows were'} skipped — show{' '}
            {version.rejectSample.length < version.rejectedRows ? `the first ${version.rejectSample.length}` : 'them'}
          </summary>
          <ul>
            {version.rejectSample.map((row, i) => (
              <li key={i}>
                <span className="muted">
                  {row.line !== null ? `line ${row.line}` : 'unknown line'}
                  {row.column ? `, column ${row.column}` : ''}:
                </span>{' '}
                {row.message}
                {row.text && <code className="rejected-text">{row.text}</code>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
