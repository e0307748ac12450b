/**
 * Booking under contention (200 clients, 20 slots of one doctor: exactly 20 must win, the rest
 * get SlotUnavailable quickly) and throughput on distinct slots across the seeded doctors.
 */
import { busiestService, gql, login, must } from './client.ts';
import { pauseConsumers, type PausedConsumers } from './paused-consumers.ts';
import { inspect, type Inspected } from './profile.ts';
import { cpuSecondsOf, cpuSecondsOfTree, loadAverage, pidListeningOn, routerPidOf } from './proc.ts';
import { fmt, load } from './stats.ts';
import { cpuPerUnit, formatCpu, snapshotCpu } from './system-cpu.ts';

const BOOK = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename ... on SlotUnavailable { alternatives { start } } } }';

interface Slot {
  start: string;
  doctor: { id: string };
}

export async function booking(
  urls: { routerUrl: string; appointmentsUrl: string; usersUrl: string },
  options: { patientPassword: string; profile?: boolean; pauseConsumers?: boolean },
): Promise<{ bookingsPerSecond: number | undefined }> {
  const tokens = await Promise.all(
    Array.from({ length: 20 }, (_, i) => login(urls.routerUrl, `patient${String(i + 1).padStart(2, '0')}@example.com`, options.patientPassword)),
  );
  const service = await busiestService(urls.routerUrl);
  const slotsOf = async (days: number, from: Date, doctorId?: string) =>
    (
      await must<{ availableSlots: Slot[] }>(
        urls.routerUrl,
        'query($s: ID!, $f: DateTime!, $t: DateTime!, $d: ID) { availableSlots(serviceId: $s, from: $f, to: $t, doctorId: $d, first: 1000) { start doctor { id } } }',
        { s: service.id, f: from.toISOString(), t: new Date(from.getTime() + days * 86_400_000).toISOString(), d: doctorId ?? null },
      )
    ).availableSlots;

  // (a) contention: 200 attempts on 20 slots of one doctor, all at once. Each run books 20 of the
  // next fortnight's: the first doctor who still has 20 free takes the next run.
  let doctorId = '';
  let hot: Slot[] = [];
  for (const doctor of service.doctors) {
    hot = (await slotsOf(14, new Date(Date.now() + 86_400_000), doctor.id)).slice(0, 20);
    doctorId = doctor.id;
    if (hot.length === 20) break;
  }
  if (hot.length < 20) throw new Error('no doctor has 20 free slots left in the next fortnight for the contention run; reseed (delete .data/) or wait');
  const pid = pidListeningOn(Number(new URL(urls.appointmentsUrl).port));
  const routerPid = routerPidOf(urls.routerUrl);
  // PROFILE=1: where the appointments subgraph's CPU goes during the burst.
  const inspected: Inspected | undefined = options.profile ? await inspect(pid) : undefined;
  await inspected?.startCpu();
  const cpu = cpuSecondsOf(pid);
  const routerCpu = cpuSecondsOfTree(routerPid);
  let won = 0;
  let unavailable = 0;
  let errors = 0;
  let i = 0;
  const contention = await load(200, 200, async () => {
    const n = i++;
    const result = await gql<{ bookAppointment: { __typename: string } }>(
      urls.routerUrl,
      BOOK,
      { i: { doctorId, serviceId: service.id, start: hot[n % 20]!.start } },
      tokens[n % 20],
    );
    if (result.errors) errors += 1;
    else if (result.data?.bookAppointment.__typename === 'Appointment') won += 1;
    else unavailable += 1;
    return !result.errors;
  });
  const cpuMs = (cpuSecondsOf(pid) - cpu) * 1000;
  const routerCpuMs = (cpuSecondsOfTree(routerPid) - routerCpu) * 1000;
  if (inspected) {
    await inspected.stopCpu('appointments-contention', { who: 'appointments' });
    await inspected.detach();
  }
  console.log(
    `booking contention, 200 clients on 20 slots: ${won} booked, ${unavailable} SlotUnavailable, ${errors} errors; ${fmt(contention)}; CPU a booking: appointments ${(cpuMs / 200).toFixed(2)} ms, router ${(routerCpuMs / 200).toFixed(2)} ms; load ${loadAverage().toFixed(1)}`,
  );
  // The same burst of a trivial authenticated request, right after: what the box and router cost alone.
  let k = 0;
  const usersPid = pidListeningOn(Number(new URL(urls.usersUrl).port));
  const meRouterCpu = cpuSecondsOfTree(routerPid);
  const meUsersCpu = cpuSecondsOf(usersPid);
  const meBurst = await load(200, 200, async () => !(await gql(urls.routerUrl, '{ me { id name role email createdAt } }', {}, tokens[k++ % 20])).errors);
  console.log(
    `  burst of 200 me at once: ${fmt(meBurst)}; CPU a request: users ${(((cpuSecondsOf(usersPid) - meUsersCpu) * 1000) / 200).toFixed(2)} ms, router ${(((cpuSecondsOfTree(routerPid) - meRouterCpu) * 1000) / 200).toFixed(2)} ms; load ${loadAverage().toFixed(1)}`,
  );
  console.log(`  contention/me: p50 ${(contention.p50 / meBurst.p50).toFixed(2)}x, p99 ${(contention.p99 / meBurst.p99).toFixed(2)}x`);

  // (b) distinct slots across all doctors: bookings per second, with everything a booking sets off
  // running (outbox relay, the consumers of appointments.events.v1, notifications), and `me` at the
  // same concurrency just before (on an otherwise quiet system) for the ratio. The CPU is read over the whole box, with a pause
  // after the burst so that the consumers' share of the work is counted too.
  const distinct = (await slotsOf(14, new Date(Date.now() + 20 * 86_400_000))).slice(0, 1000);
  if (distinct.length < 100) {
    // Each run books up to 1,000 of days 20-34: after a few runs on one seed there are none left.
    console.log(`bookings on distinct slots: skipped, only ${distinct.length} free in days 20-34 from now; reseed (delete .data/) for this part`);
    return { bookingsPerSecond: undefined };
  }
  // What the box spends doing nothing (pollers, heartbeats, other tenants), to read the rest against.
  await new Promise((settle) => setTimeout(settle, SETTLE_MS));
  const idleFrom = snapshotCpu();
  await new Promise((settle) => setTimeout(settle, SETTLE_MS));
  const idle = cpuPerUnit(idleFrom, snapshotCpu(), SETTLE_MS / 1000);
  console.log(`idle: ${formatCpu(idle, 'second')}`);
  let m = 0;
  const meBefore = snapshotCpu();
  const meThroughput = await load(
    distinct.length,
    32,
    async () => !(await gql(urls.routerUrl, '{ me { id name role email createdAt } }', {}, tokens[m++ % 20])).errors,
  );
  const meCpu = cpuPerUnit(meBefore, snapshotCpu(), distinct.length);
  console.log(`me, ${distinct.length} requests, 32 in flight: ${fmt(meThroughput)}; load ${loadAverage().toFixed(1)}`);
  console.log(`  ${formatCpu(meCpu, 'me')}`);
  let j = 0;
  let booked = 0;
  const paused: PausedConsumers | undefined = options.pauseConsumers ? pauseConsumers() : undefined;
  if (paused) console.log(`  consumers stopped for the burst (BOOKING_CONSUMERS=paused): ${paused.paused.join(', ')}`);
  const before = snapshotCpu();
  const burst = load(distinct.length, 32, async () => {
    const slot = distinct[j++]!;
    const result = await gql<{ bookAppointment: { __typename: string } }>(
      urls.routerUrl,
      BOOK,
      { i: { doctorId: slot.doctor.id, serviceId: service.id, start: slot.start } },
      tokens[j % 20],
    );
    if (result.data?.bookAppointment.__typename === 'Appointment') booked += 1;
    return !result.errors;
  });
  const throughput = await burst.finally(() => paused?.resume());
  const atEnd = snapshotCpu();
  const catchUpMs = paused ? await paused.caughtUp() : 0;
  if (paused)
    console.log(
      `  consumers let go: every group had committed the topic's end ${(catchUpMs / 1000).toFixed(1)} s later; ${formatCpu(cpuPerUnit(atEnd, snapshotCpu(), distinct.length), 'booking')} meanwhile`,
    );
  await new Promise((settle) => setTimeout(settle, SETTLE_MS));
  const settled = snapshotCpu();
  console.log(`bookings on ${distinct.length} distinct slots, 32 in flight: ${booked} booked; ${fmt(throughput)}; load ${loadAverage().toFixed(1)}`);
  console.log(`  during the burst: ${formatCpu(cpuPerUnit(before, atEnd, distinct.length), 'booking')}`);
  const after = `${paused ? 'the consumers catching up + ' : ''}${SETTLE_MS / 1000} s`;
  console.log(`  burst + ${after} after: ${formatCpu(cpuPerUnit(before, settled, distinct.length), 'booking')}`);
  const spanS = throughput.seconds + (catchUpMs + SETTLE_MS) / 1000;
  const idleMs = idle.reduce((sum, row) => sum + row.ms, 0) * spanS;
  console.log(`  of which idle work over those ${spanS.toFixed(1)} s: ${(idleMs / distinct.length).toFixed(2)} ms a booking`);
  const rate = (r: { requests: number; seconds: number }) => r.requests / r.seconds;
  console.log(`  bookings/me rate: ${(rate(throughput) / rate(meThroughput)).toFixed(2)}x`);
  return { bookingsPerSecond: rate(throughput) };
}

const SETTLE_MS = 5000;
