import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../src/renderer/src/lib/page-cache';
import { MAX_SCROLL_PX, pagesFor, ROW_HEIGHT, rowWindow, scrollTopForRow } from '../../../src/renderer/src/lib/virtual-rows';

describe('virtual rows', () => {
  it('draws only the rows in view, at their own offset, below the height cap', () => {
    const w = rowWindow(1000, 280, 560);
    expect(w.spacer).toBe(1000 * ROW_HEIGHT);
    expect(w.first).toBe(10);
    expect(w.last).toBe(30);
    expect(w.offset).toBe(280);
  });

  it('caps the spacer for 10 million rows and still reaches the first and last row exactly', () => {
    const total = 10_000_000;
    const viewport = 560;
    expect(rowWindow(total, 0, viewport).first).toBe(0);
    const bottom = rowWindow(total, MAX_SCROLL_PX - viewport, viewport);
    expect(bottom.spacer).toBe(MAX_SCROLL_PX);
    expect(bottom.last).toBe(total - 1);
    // the rows drawn sit inside the viewport
    expect(bottom.offset).toBeGreaterThanOrEqual(MAX_SCROLL_PX - viewport - ROW_HEIGHT);
    expect(bottom.offset).toBeLessThanOrEqual(MAX_SCROLL_PX - viewport);
  });

  it('scrolls to a row and finds it back at the top', () => {
    for (const total of [1_000, 1_000_000, 10_000_000]) {
      const row = Math.floor(total * 0.37);
      const top = scrollTopForRow(row, total, 560);
      expect(Math.abs(rowWindow(total, top, 560).first - row)).toBeLessThanOrEqual(1);
    }
  });

  it('lists the pages holding a range of rows', () => {
    expect(pagesFor(0, 499, 500)).toEqual([0]);
    expect(pagesFor(480, 520, 500)).toEqual([0, 1]);
    expect(pagesFor(10, 5, 500)).toEqual([]);
  });
});

describe('page cache', () => {
  it('keeps the most recently used pages within its capacity', () => {
    const cache = new PageCache<number>(2);
    cache.put('a', 1);
    cache.put('b', 2);
    cache.touch('a');
    cache.put('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.resize(1);
    expect(cache.size).toBe(1);
    expect(cache.has('c')).toBe(true);
  });
});
