import type { Lineage } from '../../../shared/registry/models';

/**
 * Places a lineage graph left to right: each node's column is the length of the longest path that
 * reaches it (so a dataset comes before its split, the split before the run…), and nodes sharing a
 * column are stacked. Pure geometry, so the SVG view only draws.
 */

export const NODE_WIDTH = 156;
export const NODE_HEIGHT = 54;
const COLUMN_GAP = 36;
const ROW_GAP = 18;
const MARGIN = 4;

export type LineageNode = Lineage['nodes'][number];

export interface PlacedNode extends LineageNode {
  x: number;
  y: number;
  column: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** A cubic curve from the right side of `from` to the left side of `to`. */
  path: string;
}

export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export function layoutLineage(lineage: Lineage): LineageLayout {
  const ids = new Set(lineage.nodes.map((n) => n.id));
  const edges = lineage.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const column = new Map(lineage.nodes.map((n) => [n.id, 0]));
  // Longest-path layering; at most |nodes| rounds, which also stops a cycle from looping forever.
  for (let round = 0; round < lineage.nodes.length; round++) {
    let moved = false;
    for (const e of edges) {
      const next = column.get(e.from)! + 1;
      if (next > column.get(e.to)! && next < lineage.nodes.length) {
        column.set(e.to, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const perColumn = new Map<number, number>();
  const nodes: PlacedNode[] = lineage.nodes.map((n) => {
    const c = column.get(n.id)!;
    const row = perColumn.get(c) ?? 0;
    perColumn.set(c, row + 1);
    return { ...n, column: c, x: MARGIN + c * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) };
  });
  const tallest = Math.max(1, ...perColumn.values());
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  // Columns with fewer nodes are centred vertically against the tallest one.
  for (const n of nodes) {
    const count = perColumn.get(n.column)!;
    n.y += (height - MARGIN * 2 - (count * NODE_HEIGHT + (count - 1) * ROW_GAP)) / 2;
  }
  const columns = Math.max(1, ...[...perColumn.keys()].map((c) => c + 1));
  const at = new Map(nodes.map((n) => [n.id, n]));
  return {
    nodes,
    edges: edges.map((e) => {
      const a = at.get(e.from)!;
      const b = at.get(e.to)!;
      const [x1, y1, x2, y2] = [a.x + NODE_WIDTH, a.y + NODE_HEIGHT / 2, b.x, b.y + NODE_HEIGHT / 2];
      const bend = Math.max(12, (x2 - x1) / 2);
      return { ...e, path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` };
    }),
    width: MARGIN * 2 + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP,
    height,
  };
}

/** Long labels are cut to fit a node, with an ellipsis; the full text is in the node's details. */
export function fitLabel(text: string, max = 19): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
