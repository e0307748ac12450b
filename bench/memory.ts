/**
 * Budget 5: the resident memory of every service idle, and after each of three rounds of the
 * request benches (`round` runs them), read from /proc. A service whose RSS keeps rising from
 * round to round holds on to something per request; one that rises in the first round and then
 * stays is warming up (JIT, pools, caches filling to their bounds).
 */
import { loadAverage } from './proc.ts';
import { serviceMemory } from './system-cpu.ts';

const SETTLE_MS = 5000;

export async function memoryRounds(round: () => Promise<void>, rounds = 3): Promise<void> {
  const columns: { label: string; rss: Map<string, number> }[] = [];
  const take = (label: string) => columns.push({ label, rss: new Map(serviceMemory().map(({ name, rssMiB }) => [name, rssMiB])) });
  take('idle');
  for (let n = 1; n <= rounds; n += 1) {
    console.log(`memory: round ${n} of ${rounds} (load ${loadAverage().toFixed(1)})`);
    await round();
    // The consumers finish what the round set off; then the heap is what stays.
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    take(`after ${n}`);
  }
  const names = [...columns[0]!.rss.keys()];
  console.log(`RSS in MiB, idle and ${SETTLE_MS / 1000} s after each round:`);
  console.log(`  | service | ${columns.map((c) => c.label).join(' | ')} | round 3 − round 1 |`);
  for (const name of names) {
    const values = columns.map((c) => c.rss.get(name) ?? NaN);
    const growth = (values.at(-1) ?? NaN) - (values[1] ?? NaN);
    console.log(`  | ${name} | ${values.map((v) => v.toFixed(0)).join(' | ')} | ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} |`);
  }
  const total = (c: (typeof columns)[number]) => [...c.rss.values()].reduce((a, b) => a + b, 0);
  console.log(`  | all services | ${columns.map((c) => total(c).toFixed(0)).join(' | ')} | ${(total(columns.at(-1)!) - total(columns[1]!)).toFixed(0)} |`);
}
