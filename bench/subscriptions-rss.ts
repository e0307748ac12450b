/**
 * `BENCH=subscriptions-rss`: the resident memory of one router holding 10,000 subscribed sockets
 * (budget < 400 MB). The router is the one serving ROUTER_URL, found by its port (or ROUTER_PID);
 * its RSS is VmRSS from /proc/<pid>/status. The sockets come from 4 child processes of 2,500
 * (bench/idle-sockets.ts), 1,000 per seeded doctor across 10 doctors, each socket signed in as its
 * doctor. One booking per doctor checks that every socket is subscribed.
 */
import { holdSockets, checkCapacity } from './idle-sockets.ts';
import { loadAverage, memoryOf, pidListeningOn } from './proc.ts';
import { patientToken, seededDoctors, sleep } from './seeded.ts';

export async function subscriptionMemory(urls: { routerUrl: string }, options: { sockets: number; processes: number; doctors: number; doctorPassword: string; patientPassword: string }): Promise<void> {
  const pid = pidListeningOn(Number(new URL(urls.routerUrl).port || 80));
  console.log(`router RSS with ${options.sockets} subscribed sockets (router pid ${pid}, ${options.processes} holder processes, ${options.doctors} doctors)`);
  checkCapacity(pid, options.sockets, options.processes);
  const doctors = await seededDoctors(urls.routerUrl, options.doctors, options.doctorPassword);
  const patient = await patientToken(urls.routerUrl, options.patientPassword, 3);
  const before = memoryOf(pid);
  console.log(`  before: RSS ${before.rssMiB.toFixed(0)} MiB (peak so far ${before.peakMiB.toFixed(0)} MiB)`);
  const held = await holdSockets(urls.routerUrl, doctors, patient, options.sockets, options.processes);
  try {
    const afterEvents = memoryOf(pid);
    await sleep(10_000);
    const idle = memoryOf(pid);
    const status = await held.fleet.status();
    console.log(
      `  ${options.sockets} sockets, each had its doctor's booking (booking → last of its ${Math.ceil(options.sockets / options.doctors)} sockets: p50 ${held.lastSocketMs.p50.toFixed(0)} ms, max ${held.lastSocketMs.max.toFixed(0)} ms)\n` +
        `  right after the bookings: RSS ${afterEvents.rssMiB.toFixed(0)} MiB; after 10 s idle: RSS ${idle.rssMiB.toFixed(0)} MiB, peak ${idle.peakMiB.toFixed(0)} MiB (load ${loadAverage().toFixed(1)})\n` +
        `  per socket: ${(((idle.rssMiB - before.rssMiB) * 1024) / options.sockets).toFixed(1)} KiB; holders' own RSS ${status.rssMiB.toFixed(0)} MiB` +
        (Object.keys(status.closes).length || status.refusals ? `\n  closed early: ${JSON.stringify(status.closes)}, refused ${status.refusals} ${status.firstRefusal ?? ''}` : ''),
    );
  } finally {
    await held.fleet.close();
  }
  await sleep(5_000);
  console.log(`  5 s after closing them: RSS ${memoryOf(pid).rssMiB.toFixed(0)} MiB`);
}
