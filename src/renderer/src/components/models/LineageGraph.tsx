import { useMemo, useState } from 'react';
import type { Lineage } from '../../../../shared/registry/models';
import { fitLabel, layoutLineage, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from '../../lib/lineage-layout';

const KIND_WORDS: Record<PlacedNode['kind'], string> = {
  dataset: 'Dataset version',
  split: 'Split',
  run: 'Training run',
  package: 'Signed package',
  version: 'Registry version',
  deployment: 'Deployment',
};

/**
 * The lineage as a left-to-right node graph in SVG. Each node is a tab stop; hovering or focusing
 * it shows its full label and details under the graph (and in the node's tooltip), so nothing is
 * told by position or colour alone.
 */
export function LineageGraph({ lineage }: { lineage: Lineage }) {
  const layout = useMemo(() => layoutLineage(lineage), [lineage]);
  const [active, setActive] = useState<string | null>(null);
  const shown = layout.nodes.find((n) => n.id === active) ?? null;

  if (layout.nodes.length === 0) return <p className="muted">No lineage recorded.</p>;
  return (
    <div className="lineage" data-testid="lineage-graph">
      <svg
        className="lineage-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxWidth: layout.width }}
        role="group"
        aria-label={`Lineage: ${layout.nodes.map((n) => n.label).join(' → ')}`}
      >
        <defs>
          <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="lineage-arrowhead" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <path key={`${e.from}>${e.to}`} d={e.path} className="lineage-edge" markerEnd="url(#lineage-arrow)" />
        ))}
        {layout.nodes.map((n) => (
          <g
            key={n.id}
            transform={`translate(${n.x},${n.y})`}
            className={`lineage-node lineage-${n.kind}${n.id === active ? ' lineage-active' : ''}`}
            tabIndex={0}
            role="img"
            aria-label={`${KIND_WORDS[n.kind]}: ${n.label}. ${n.detail}`}
            data-testid={`lineage-node-${n.kind}`}
            onMouseEnter={() => setActive(n.id)}
            onFocus={() => setActive(n.id)}
            onMouseLeave={() => setActive((a) => (a === n.id ? null : a))}
            onBlur={() => setActive((a) => (a === n.id ? null : a))}
          >
            <title>{`${n.label}\n${n.detail}`}</title>
            <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} className="lineage-box" />
            <rect width={5} height={NODE_HEIGHT} rx={2} className="lineage-stripe" />
            <text x={14} y={20} className="lineage-kind">
              {KIND_WORDS[n.kind].toUpperCase()}
            </text>
            <text x={14} y={39} className="lineage-label">
              {fitLabel(n.label)}
            </text>
          </g>
        ))}
      </svg>
      <p className="lineage-detail" aria-live="polite" data-testid="lineage-detail">
        {shown ? (
          <>
            <strong>{KIND_WORDS[shown.kind]}</strong> {shown.label} — {shown.detail}
          </>
        ) : (
          <span className="muted">{layout.nodes.length} steps. Hover or focus (Tab) a node to read its details.</span>
        )}
      </p>
    </div>
  );
}
