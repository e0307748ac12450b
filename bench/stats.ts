export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** p50, p99 and max of latencies in ms (sorts them in place). */
export function summarize(latencies: number[]): { p50: number; p99: number; max: number } {
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 };
}

/** Runs `call` `total` times with `concurrency` in flight; latencies in ms. */
export async function load(total: number, concurrency: number, call: () => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t = performance.now();
        const ok = await call().catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: total, errors, seconds, ...summarize(latencies) };
}

export const fmt = (r: LoadResult): string =>
  `${Math.round(r.requests / r.seconds)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(1)} ms, errors ${r.errors}`;

/** Fires `call` at a fixed rate (open loop, like real users) for `seconds`; latencies in ms. */
export async function loadAtRate(rps: number, seconds: number, call: () => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rps * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    inFlight.push(
      call()
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - t);
          if (!ok) errors += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  return { requests: total, errors, seconds: (performance.now() - started) / 1000, ...summarize(latencies) };
}
