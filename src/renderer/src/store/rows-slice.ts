import { toShownError } from '../lib/errors';
import { PageCache } from '../lib/page-cache';
import { pagesFor } from '../lib/virtual-rows';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

/** Rows per `data.rows` call: big enough to cover several screens, small enough to arrive at once. */
export const PAGE_SIZE = 500;
/** Cells kept in memory across all cached pages (the page count follows the table's width). */
const MAX_CELLS = 1_500_000;
/** Calls in flight at once: a fast scroll asks for the pages it ends on, not every page it passed. */
const MAX_IN_FLIGHT = 2;

export interface RowsSlice {
  /** Bumped when a page of rows arrives; the pages themselves live outside React state. */
  rowsTick: number;
  rowsError: string | null;
  /** A row if its page is loaded; undefined means "show a placeholder". */
  rowAt(versionId: string, index: number): unknown[] | undefined;
  /** The rows in view (plus margin): loads the pages that hold them, newest request first. */
  wantRows(versionId: string, columns: number, first: number, last: number): void;
  retryRows(): void;
  resetRows(): void;
}

export const createRowsSlice: SliceCreator<RowsSlice> = (set, get) => {
  const cache = new PageCache<unknown[][]>(40);
  const inFlight = new Set<string>();
  let wanted: { versionId: string; pages: number[] } = { versionId: '', pages: [] };
  let failed = false;
  const keyOf = (versionId: string, page: number) => `${versionId}:${page}`;

  function pump(): void {
    if (failed) return;
    const { versionId, pages } = wanted;
    for (const page of pages) {
      if (inFlight.size >= MAX_IN_FLIGHT) return;
      const key = keyOf(versionId, page);
      if (cache.has(key) || inFlight.has(key)) continue;
      inFlight.add(key);
      void fetchPage(versionId, page, key);
    }
  }

  async function fetchPage(versionId: string, page: number, key: string): Promise<void> {
    const current = projectGuard(get);
    try {
      const result = await clientOf(get).call('data.rows', { ref: versionId, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (!current()) return;
      cache.put(key, result.rows);
      set((state) => ({ rowsTick: state.rowsTick + 1, rowsError: null }));
    } catch (error) {
      if (!current()) return;
      failed = true;
      set({ rowsError: `Could not read rows ${page * PAGE_SIZE + 1}–${(page + 1) * PAGE_SIZE}: ${toShownError(error).message}` });
    } finally {
      inFlight.delete(key);
      pump();
    }
  }

  return {
    rowsTick: 0,
    rowsError: null,

    rowAt(versionId, index) {
      return cache.get(keyOf(versionId, Math.floor(index / PAGE_SIZE)))?.[index % PAGE_SIZE];
    },

    wantRows(versionId, columns, first, last) {
      cache.resize(Math.max(6, Math.min(60, Math.floor(MAX_CELLS / (PAGE_SIZE * Math.max(1, columns))))));
      // The page in view first, then its neighbours, so the screen fills before the margin does.
      const centre = Math.floor((first + last) / 2 / PAGE_SIZE);
      const pages = pagesFor(first, last, PAGE_SIZE).sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
      for (const page of pages) cache.touch(keyOf(versionId, page));
      // A failure is about one version's file: another version gets its own try.
      if (versionId !== wanted.versionId && failed) {
        failed = false;
        set({ rowsError: null });
      }
      wanted = { versionId, pages };
      pump();
    },

    retryRows() {
      failed = false;
      set({ rowsError: null });
      pump();
    },

    resetRows() {
      cache.clear();
      wanted = { versionId: '', pages: [] };
      failed = false;
      set({ rowsError: null });
    },
  };
};
