import { describe, expect, it } from 'vitest';
import { fitLabel, layoutLineage, NODE_WIDTH } from '../../../src/renderer/src/lib/lineage-layout';

const node = (id: string, kind: 'dataset' | 'split' | 'run' | 'package' | 'version') => ({ id, kind, label: id, detail: '' });

describe('lineage layout', () => {
  it('puts each node one column right of what it came from, and a shared parent before both children', () => {
    const layout = layoutLineage({
      nodes: [node('d0', 'dataset'), node('d1', 'dataset'), node('s', 'split'), node('r', 'run'), node('p', 'package'), node('v', 'version')],
      edges: [
        { from: 'd0', to: 'd1' },
        { from: 'd1', to: 's' },
        { from: 'd1', to: 'r' },
        { from: 's', to: 'r' },
        { from: 'r', to: 'p' },
        { from: 'p', to: 'v' },
      ],
    });
    const column = Object.fromEntries(layout.nodes.map((n) => [n.id, n.column]));
    expect(column).toEqual({ d0: 0, d1: 1, s: 2, r: 3, p: 4, v: 5 });
    expect(layout.width).toBeGreaterThan(6 * NODE_WIDTH);
    expect(layout.edges).toHaveLength(6);
    expect(layout.edges[0]!.path).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it('stacks nodes that share a column and survives a cycle', () => {
    const layout = layoutLineage({ nodes: [node('a', 'run'), node('b', 'run'), node('c', 'run')], edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }, { from: 'x', to: 'c' }] });
    expect(layout.nodes).toHaveLength(3);
    expect(new Set(layout.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(3);
  });

  it('cuts long labels with an ellipsis', () => {
    expect(fitLabel('short')).toBe('short');
    expect(fitLabel('churn@1 stratified 0.8/0.2 seed 42')).toHaveLength(19);
  });
});
