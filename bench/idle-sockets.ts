/**
 * Thousands of subscribed sockets held in child processes, as the RSS and the `me`-under-sockets
 * benches need them: spread over several seeded doctors (each socket signed in as its doctor and
 * following themself), checked to be subscribed by one booking per doctor that must reach every
 * one of that doctor's sockets, then left idle.
 */
import { SocketFleet } from './socket-fleet.ts';
import { CHANGES } from './subscriptions.ts';
import { bookFirstFree, cancel, freeStarts, sleep, type SeededDoctor } from './seeded.ts';
import { ephemeralPorts, openFileLimitOf } from './proc.ts';
import { summarize } from './stats.ts';

/** Refuses to start what the machine cannot hold, with the reason, instead of a confusing partial run. */
export function checkCapacity(routerPid: number, sockets: number, processes: number): void {
  const routerFiles = openFileLimitOf(routerPid);
  const ownFiles = openFileLimitOf('self');
  const ports = ephemeralPorts();
  console.log(
    `  capacity: router open-file limit ${routerFiles}, holders' ${ownFiles} (${Math.ceil(sockets / processes)} sockets each), ephemeral ports ${ports.low}-${ports.high} (${ports.count}) from 127.0.0.1`,
  );
  if (routerFiles < sockets + 500)
    throw new Error(
      `the router (pid ${routerPid}) may open only ${routerFiles} files: start it with ulimit -n ≥ ${sockets + 500} (e.g. ulimit -n 20000; pnpm start)`,
    );
  if (ownFiles < sockets / processes + 100)
    throw new Error(`this shell allows ${ownFiles} open files per process: raise ulimit -n or use more holder processes`);
  if (ports.count < sockets + 1000)
    throw new Error(`only ${ports.count} ephemeral ports (net.ipv4.ip_local_port_range) for ${sockets} sockets from one address`);
}

export interface HeldSockets {
  fleet: SocketFleet;
  openedInMs: number;
  /** Booking → the last of that doctor's sockets, one sample per doctor. */
  lastSocketMs: { p50: number; max: number };
}

export async function holdSockets(routerUrl: string, doctors: SeededDoctor[], patient: string, sockets: number, processes: number): Promise<HeldSockets> {
  const perDoctor = Math.ceil(sockets / doctors.length);
  const groups = doctors
    .map((d, i) => ({ token: d.token, variables: { d: d.id }, doctorId: d.id, count: Math.min(perDoctor, sockets - i * perDoctor) }))
    .filter((g) => g.count > 0);
  const { fleet, opened } = await SocketFleet.open({ url: routerUrl, query: CHANGES, groups, processes });
  try {
    console.log(
      `  ${opened.connected} sockets connected, ${opened.failed} failed, in ${(opened.ms / 1000).toFixed(1)} s; holders' RSS ${((opened.status.rssMiB * 1048576) / 1e6).toFixed(0)} MB`,
    );
    if (opened.connected < sockets) throw new Error(`only ${opened.connected}/${sockets} sockets connected: ${JSON.stringify(opened.status)}`);
    const lasts: number[] = [];
    for (const doctor of groups.map((g) => doctors.find((d) => d.id === g.doctorId)!)) {
      const starts = await freeStarts(routerUrl, doctor);
      for (let attempt = 0; ; attempt += 1) {
        const booked = await bookFirstFree(routerUrl, patient, doctor, starts);
        const { times, expected } = await fleet.arrivals(doctor.id, booked.id, 'REQUESTED', 30_000);
        await cancel(routerUrl, patient, booked.id);
        await fleet.arrivals(doctor.id, booked.id, 'CANCELLED', 30_000);
        if (times.length === expected) {
          lasts.push(Math.max(...times) - booked.answeredAt);
          break;
        }
        // The last subscribe messages may still be on their way: one more round.
        if (attempt >= 3) throw new Error(`${doctor.name}: only ${times.length}/${expected} sockets had the booking: ${JSON.stringify(await fleet.status())}`);
        await sleep(1_000);
      }
    }
    const s = summarize(lasts);
    return { fleet, openedInMs: opened.ms, lastSocketMs: { p50: s.p50, max: s.max } };
  } catch (error) {
    await fleet.close();
    throw error;
  }
}
