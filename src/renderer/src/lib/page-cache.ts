/**
 * A bounded, least-recently-used cache of row pages. The table asks for the pages in view on every
 * scroll, which marks them as recently used; the oldest pages are dropped once the cache holds more
 * than `capacity`, so scrolling through a million rows keeps memory flat.
 */
export class PageCache<T> {
  private readonly pages = new Map<string, T>();

  constructor(private capacity: number) {}

  get size(): number {
    return this.pages.size;
  }

  get(key: string): T | undefined {
    return this.pages.get(key);
  }

  has(key: string): boolean {
    return this.pages.has(key);
  }

  /** Marks a page as just used (a Map iterates in insertion order, so re-inserting moves it last). */
  touch(key: string): void {
    const page = this.pages.get(key);
    if (page === undefined) return;
    this.pages.delete(key);
    this.pages.set(key, page);
  }

  put(key: string, page: T): void {
    this.pages.delete(key);
    this.pages.set(key, page);
    this.evict();
  }

  /** A wider table needs fewer pages for the same memory; shrinking drops the oldest at once. */
  resize(capacity: number): void {
    this.capacity = Math.max(1, capacity);
    this.evict();
  }

  clear(): void {
    this.pages.clear();
  }

  private evict(): void {
    for (const key of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      this.pages.delete(key);
    }
  }
}
