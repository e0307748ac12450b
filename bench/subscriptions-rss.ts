/**
 * `BENCH=subscriptions-rss`: the resident memory of one router holding 10,000 subscribed sockets
 * (budget < 400 MB). The router is the one serving ROUTER_URL, found by its port (or ROUTER_PID);
 * its RSS is VmRSS from /proc/<pid>/status. The sockets come from 4 child processes of 2,500
 * (bench/idle-sockets.ts), 1,000 per seeded doctor across 10 doctors, each socket signed in as its
 * doctor. One booking per doctor checks that every socket is subscribed. RSS is reported in MB
 * (10^6 bytes, the budget's unit) and MiB. PROFILE=1 also samples the router's allocations while
 * the sockets open (what the memory still held was allocated by), its CPU during the opening, and
 * its process.memoryUsage() (JS heap vs native).
 */
import { holdSockets, checkCapacity } from './idle-sockets.ts';
import { loadAverage, memoryOf, routerPidOf } from './proc.ts';
import { patientToken, seededDoctors, sleep } from './seeded.ts';
import { inspect, type MemoryUsage } from './profile.ts';

const mb = (mib: number): string => `${((mib * 1048576) / 1e6).toFixed(0)} MB (${mib.toFixed(0)} MiB)`;
const usage = (u: MemoryUsage): string =>
  `heap used ${(u.heapUsed / 1e6).toFixed(0)} MB of ${(u.heapTotal / 1e6).toFixed(0)} MB, external ${(u.external / 1e6).toFixed(0)} MB (array buffers ${(u.arrayBuffers / 1e6).toFixed(0)} MB), rss ${(u.rss / 1e6).toFixed(0)} MB`;

export async function subscriptionMemory(
  urls: { routerUrl: string },
  options: { sockets: number; processes: number; doctors: number; doctorPassword: string; patientPassword: string; profile: boolean },
): Promise<void> {
  const pid = routerPidOf(urls.routerUrl);
  console.log(`router RSS with ${options.sockets} subscribed sockets (router pid ${pid}, ${options.processes} holder processes, ${options.doctors} doctors)`);
  checkCapacity(pid, options.sockets, options.processes);
  const doctors = await seededDoctors(urls.routerUrl, options.doctors, options.doctorPassword);
  const patient = await patientToken(urls.routerUrl, options.patientPassword, 3);
  const inspected = options.profile ? await inspect(pid) : undefined;
  const before = memoryOf(pid);
  console.log(`  before: RSS ${mb(before.rssMiB)} (peak so far ${mb(before.peakMiB)})`);
  if (inspected) {
    console.log(`  before: ${usage(await inspected.memoryUsage())}`);
    await inspected.startAllocations();
    await inspected.startCpu();
  }
  const held = await holdSockets(urls.routerUrl, doctors, patient, options.sockets, options.processes).catch(async (error: unknown) => {
    await inspected?.detach();
    throw error;
  });
  try {
    if (inspected) {
      await inspected.stopCpu('router-open-sockets');
      await inspected.stopAllocations();
      console.log(`  with the sockets: ${usage(await inspected.memoryUsage())}`);
      await inspected.detach();
    }
    const afterEvents = memoryOf(pid);
    await sleep(10_000);
    const idle = memoryOf(pid);
    const status = await held.fleet.status();
    console.log(
      `  ${options.sockets} sockets, each had its doctor's booking (booking → last of its ${Math.ceil(options.sockets / options.doctors)} sockets: p50 ${held.lastSocketMs.p50.toFixed(0)} ms, max ${held.lastSocketMs.max.toFixed(0)} ms)\n` +
        `  right after the bookings: RSS ${mb(afterEvents.rssMiB)}; after 10 s idle: RSS ${mb(idle.rssMiB)}, peak ${mb(idle.peakMiB)} (load ${loadAverage().toFixed(1)})\n` +
        `  per socket: ${(((idle.rssMiB - before.rssMiB) * 1048576) / options.sockets / 1000).toFixed(1)} kB; holders' own RSS ${mb(status.rssMiB)}` +
        (Object.keys(status.closes).length || status.refusals
          ? `\n  closed early: ${JSON.stringify(status.closes)}, refused ${status.refusals} ${status.firstRefusal ?? ''}`
          : ''),
    );
  } finally {
    await held.fleet.close();
  }
  await sleep(5_000);
  console.log(`  5 s after closing them: RSS ${mb(memoryOf(pid).rssMiB)}`);
}
