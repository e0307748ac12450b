/**
 * Work that callers asking the same question share: the first caller's promise answers everyone
 * who asks with the same key until `ttlMs` have passed on `clock` (a monotonic clock in ms), so a
 * crowd costs one computation, not one each. A caller may also say when, in its own time, it asks
 * (`at`, e.g. an injectable domain clock): an answer computed for a time `ttlMs` or more away is
 * not shared with it. A failed computation is forgotten at once: it is shared only with those
 * already waiting on it. At most `maxEntries` keys are kept. Pure: the clocks are given.
 */
export class SharedWork<T> {
  private readonly entries = new Map<string, { expires: number; at: number; value: Promise<T> }>();

  constructor(private readonly options: { ttlMs: number; clock: () => number; maxEntries?: number }) {}

  get(key: string, compute: () => Promise<T>, at = 0): Promise<T> {
    const now = this.options.clock();
    const hit = this.entries.get(key);
    if (hit && now < hit.expires && Math.abs(at - hit.at) < this.options.ttlMs) return hit.value;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= (this.options.maxEntries ?? 1000)) this.prune(now);
    const value = compute();
    this.entries.set(key, { expires: now + this.options.ttlMs, at, value });
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
