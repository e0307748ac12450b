/**
 * Work that callers asking the same question share: the first caller's promise answers everyone
 * who asks with the same key until `ttlMs` have passed on `clock` (a monotonic clock in ms), so a
 * crowd costs one computation, not one each. A failed computation is forgotten at once: it is
 * shared only with those already waiting on it. At most `maxEntries` keys are kept. Pure: the
 * clock is given.
 */
export class SharedWork<T> {
  private readonly entries = new Map<string, { expires: number; value: Promise<T> }>();

  constructor(private readonly options: { ttlMs: number; clock: () => number; maxEntries?: number }) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.options.clock();
    const hit = this.entries.get(key);
    if (hit && now < hit.expires) return hit.value;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= (this.options.maxEntries ?? 1000)) this.prune(now);
    const value = compute();
    this.entries.set(key, { expires: now + this.options.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (now >= entry.expires) this.entries.delete(key);
    // All still fresh: forget the oldest (a Map iterates in insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < (this.options.maxEntries ?? 1000)) break;
      this.entries.delete(key);
    }
  }
}
