/**
 * Budget 5: the resident memory of every service idle, and after each of three rounds of the
 * request benches (`round` runs them), read from /proc. A service whose RSS keeps rising from
 * round to round holds on to something per request; one that rises in the first round and then
 * stays is warming up (JIT, pools, caches filling to their bounds).
 */
import { inspect } from './profile.ts';
import { loadAverage } from './proc.ts';
import { servicePids, serviceMemory } from './system-cpu.ts';

/** Each service's JS heap in use after a full collection (inspector, one process at a time). */
async function heapsAfterGc(): Promise<Map<string, number>> {
  const heaps = new Map<string, number>();
  for (const [pid, name] of servicePids()) {
    const inspected = await inspect(pid);
    try {
      heaps.set(name, (await inspected.memoryAfterGc()).heapUsed / 2 ** 20);
    } finally {
      await inspected.detach();
    }
  }
  return heaps;
}

const SETTLE_MS = 5000;

export async function memoryRounds(round: () => Promise<void>, rounds = 3): Promise<void> {
  const columns: { label: string; rss: Map<string, number>; heap: Map<string, number> }[] = [];
  const take = async (label: string) => {
    const rss = new Map(serviceMemory().map(({ name, rssMiB }) => [name, rssMiB]));
    columns.push({ label, rss, heap: await heapsAfterGc() });
  };
  await take('idle');
  for (let n = 1; n <= rounds; n += 1) {
    console.log(`memory: round ${n} of ${rounds} (load ${loadAverage().toFixed(1)})`);
    await round();
    // The consumers finish what the round set off; then the heap is what stays.
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    await take(`after ${n}`);
  }
  const names = [...columns[0]!.rss.keys()];
  const table = (title: string, of: (c: (typeof columns)[number]) => Map<string, number>) => {
    console.log(title);
    console.log(`  | service | ${columns.map((c) => c.label).join(' | ')} | round 3 − round 1 |`);
    const row = (name: string, values: number[]) => {
      const growth = (values.at(-1) ?? NaN) - (values[1] ?? NaN);
      console.log(`  | ${name} | ${values.map((v) => v.toFixed(0)).join(' | ')} | ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} |`);
    };
    for (const name of names)
      row(
        name,
        columns.map((c) => of(c).get(name) ?? NaN),
      );
    row(
      'all services',
      columns.map((c) => [...of(c).values()].reduce((a, b) => a + b, 0)),
    );
  };
  table(`RSS in MiB, idle and ${SETTLE_MS / 1000} s after each round:`, (c) => c.rss);
  table('JS heap in use after a full garbage collection, MiB (what is really held):', (c) => c.heap);
}
