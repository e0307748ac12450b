/**
 * `BOOKING_CONSUMERS=paused`: the four consumers of appointments.events.v1 stopped (SIGSTOP) while
 * the bench books, as if they ran on other cores, then let go (SIGCONT) to work through what they
 * missed. Shows what a booking costs the box without what it sets off, and that the events wait
 * in Kafka rather than being lost: the bench waits until every group has committed the topic's end.
 */
import { createKafka, createLogger, Topics } from '@medappt/platform';
import { GROUPS, type Service } from './consumers.ts';
import { sleep } from './seeded.ts';
import { servicePids } from './system-cpu.ts';

export interface PausedConsumers {
  /** The services stopped, by name. */
  readonly paused: string[];
  resume(): void;
  /** Resolves with the ms until every group has committed the topic's end as it is now. */
  caughtUp(timeoutMs?: number): Promise<number>;
}

export function pauseConsumers(): PausedConsumers {
  const pids = [...servicePids()].filter(([, name]) => name in GROUPS);
  for (const [pid] of pids) process.kill(pid, 'SIGSTOP');
  let resumed = false;
  const resume = () => {
    if (resumed) return;
    resumed = true;
    for (const [pid] of pids) process.kill(pid, 'SIGCONT');
  };
  // A stopped process must never be left behind, whatever ends the bench.
  process.once('exit', resume);
  return {
    paused: pids.map(([, name]) => name),
    resume,
    caughtUp: async (timeoutMs = 120_000) => {
      const started = Date.now();
      const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
      const admin = createKafka('bench-paused', brokers, createLogger('bench', 'error')).admin();
      await admin.connect();
      try {
        const ends = new Map((await admin.fetchTopicOffsets(Topics.appointments.name)).map((p) => [p.partition, p.offset]));
        const behind = async (groupId: string) => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [Topics.appointments.name] });
          return !committed || committed.partitions.some((p) => Number(p.offset) < Number(ends.get(p.partition)));
        };
        for (;;) {
          const lagging = [];
          for (const [service, groupId] of Object.entries(GROUPS) as [Service, string][]) if (await behind(groupId)) lagging.push(service);
          if (lagging.length === 0) return Date.now() - started;
          if (Date.now() - started > timeoutMs) throw new Error(`consumers still behind after ${timeoutMs} ms: ${lagging.join(', ')}`);
          await sleep(200);
        }
      } finally {
        await admin.disconnect();
      }
    },
  };
}
