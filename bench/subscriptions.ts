/**
 * `BENCH=subscriptions`: booking committed → each subscriber socket has the change, for
 * appointmentChanged with 1 and with 500 sockets on one seeded doctor (all of them the doctor
 * themself, e.g. a dashboard open on many screens). The sockets live in child processes
 * (bench/socket-fleet.ts); a seeded patient books, the bench waits until every socket has the
 * change, the patient cancels again (the slot is free for the next sample, and the cancellation is
 * drained before the next booking). Budget (DESIGN.md): p99 < 100 ms for the last of 500 sockets.
 *
 * Two clocks bound the commit: the booking's answer arrives after it (so "from the answer" is a
 * little short), the appointment's createdAt is its transaction's start (so "from createdAt" is a
 * little long). A Kafka listener beside the router's (bench/kafka-tap.ts) splits the path: the
 * relay sent the event (the record's timestamp), a consumer had it, the router delivered it; and
 * the payload's own read (the subscription's selection as a query by id, with the subscriber's
 * token, over HTTP through the router) is timed after each sample, for what a delivery costs
 * beyond it.
 * PROFILE=1 also takes a CPU profile of the router during the largest run.
 */
import { SocketFleet } from './socket-fleet.ts';
import { bookFirstFree, cancel, freeStarts, patientToken, seededDoctors, sleep, type Booked } from './seeded.ts';
import { cpuSecondsOfTree, loadAverage, routerPidOf } from './proc.ts';
import { inspect, type Inspected } from './profile.ts';
import { summarize } from './stats.ts';
import { must } from './client.ts';
import { tapAppointmentEvents, type Tapped } from './kafka-tap.ts';

export const CHANGES = 'subscription($d: ID) { appointmentChanged(doctorId: $d) { action appointment { id status doctor { name } service { name } } } }';
/** What the router reads per event for CHANGES, as a client would ask it. */
const READ = 'query($id: ID!) { appointment(id: $id) { id status doctor { name } service { name } } }';

export interface LatencyOptions {
  subscribers: number[];
  samples: number;
  warmup: number;
  doctorPassword: string;
  patientPassword: string;
  profile: boolean;
}

const ms = (v: number): string => `${v.toFixed(1)} ms`;

export async function subscriptionLatency(urls: { routerUrl: string }, options: LatencyOptions): Promise<void> {
  const [doctor] = await seededDoctors(urls.routerUrl, 1, options.doctorPassword);
  if (!doctor) throw new Error('no seeded doctor');
  const patient = await patientToken(urls.routerUrl, options.patientPassword);
  const starts = await freeStarts(urls.routerUrl, doctor);
  const routerPid = routerPidOf(urls.routerUrl);
  const largest = Math.max(...options.subscribers);
  const tap = await tapAppointmentEvents();

  for (const count of options.subscribers) {
    const { fleet, opened } = await SocketFleet.open({
      url: urls.routerUrl,
      query: CHANGES,
      groups: [{ token: doctor.token, variables: { d: doctor.id }, count, doctorId: doctor.id }],
      processes: count >= 100 ? 2 : 1,
    });
    let profile: Inspected | undefined;
    try {
      if (opened.connected < count) throw new Error(`only ${opened.connected}/${count} sockets connected: ${JSON.stringify(opened.status)}`);
      const reads: number[] = [];
      // A booking per round until one reaches every socket: then every subscription is in place.
      const sample = async (): Promise<{ booked: Booked; times: number[]; expected: number; tapped: Tapped | undefined }> => {
        const booked = await bookFirstFree(urls.routerUrl, patient, doctor, starts);
        const { times, expected } = await fleet.arrivals(doctor.id, booked.id, 'REQUESTED');
        const tapped = await tap.seen(booked.id, 'appointment.requested');
        const readStarted = performance.now();
        await must(urls.routerUrl, READ, { id: booked.id }, doctor.token);
        reads.push(performance.now() - readStarted);
        await cancel(urls.routerUrl, patient, booked.id);
        await fleet.arrivals(doctor.id, booked.id, 'CANCELLED');
        await sleep(100);
        return { booked, times, expected, tapped };
      };
      for (let round = 0, complete = 0; complete < options.warmup; round += 1) {
        if (round > options.warmup + 10) throw new Error('bookings do not reach every socket: see the router log');
        const { times, expected } = await sample();
        if (times.length === expected) complete += 1;
      }
      profile = options.profile && count === largest ? await inspect(routerPid) : undefined;
      await profile?.startCpu();
      reads.length = 0;
      const cpuBefore = cpuSecondsOfTree(routerPid);
      const started = performance.now();
      const eachFromAnswer: number[] = [];
      const lastFromAnswer: number[] = [];
      const lastFromCreated: number[] = [];
      const firstFromAnswer: number[] = [];
      const segments = { createdToSent: [] as number[], sentToConsumed: [] as number[], consumedToLast: [] as number[], answerToSent: [] as number[] };
      let missed = 0;
      for (let n = 0; n < options.samples; n += 1) {
        const { booked, times, expected, tapped } = await sample();
        if (times.length < expected) {
          missed += 1;
          console.log(`  sample ${n}: only ${times.length}/${expected} sockets had it within 10 s`);
          continue;
        }
        for (const t of times) eachFromAnswer.push(t - booked.answeredAt);
        lastFromAnswer.push(Math.max(...times) - booked.answeredAt);
        firstFromAnswer.push(Math.min(...times) - booked.answeredAt);
        lastFromCreated.push(Math.max(...times) - booked.createdAt);
        if (tapped) {
          segments.createdToSent.push(tapped.sentAt - booked.createdAt);
          segments.answerToSent.push(tapped.sentAt - booked.answeredAt);
          segments.sentToConsumed.push(tapped.receivedAt - tapped.sentAt);
          segments.consumedToLast.push(Math.max(...times) - tapped.receivedAt);
        }
      }
      const cpu = cpuSecondsOfTree(routerPid) - cpuBefore;
      const seconds = (performance.now() - started) / 1000;
      await profile?.stopCpu(`router-subscriptions-${count}`);
      const status = await fleet.status();
      const each = summarize(eachFromAnswer);
      const first = summarize(firstFromAnswer);
      const last = summarize(lastFromAnswer);
      const created = summarize(lastFromCreated);
      const segment = (label: string, values: number[]): string => {
        const v = summarize(values);
        return `${label} p50 ${ms(v.p50)} / p99 ${ms(v.p99)}`;
      };
      console.log(
        `appointmentChanged, ${count} socket(s) on ${doctor.name} (${options.samples - missed} bookings, load ${loadAverage().toFixed(1)}):\n` +
          `  each socket from the answer: p50 ${ms(each.p50)}, p99 ${ms(each.p99)}\n` +
          `  first socket from the answer: p50 ${ms(first.p50)}, p99 ${ms(first.p99)}\n` +
          `  last socket from the answer: p50 ${ms(last.p50)}, p99 ${ms(last.p99)}, max ${ms(last.max)}\n` +
          `  last socket from createdAt: p50 ${ms(created.p50)}, p99 ${ms(created.p99)}, max ${ms(created.max)}\n` +
          `  path (${segments.consumedToLast.length} samples): ${segment('createdAt → relay sent', segments.createdToSent)}; ${segment('answer → relay sent', segments.answerToSent)}; ` +
          `${segment('sent → a consumer has it', segments.sentToConsumed)}; ${segment('consumer has it → last socket', segments.consumedToLast)}\n` +
          `  the payload's read over HTTP through the router (after each sample): ${segment('', reads).trim()}\n` +
          `  router CPU ${(cpu * 1000).toFixed(0)} ms in ${seconds.toFixed(1)} s (${((100 * cpu) / seconds).toFixed(0)}% of a core; each sample is a booking and a cancel, ${count} deliveries each)` +
          (Object.keys(status.closes).length || status.refusals
            ? `\n  closed early: ${JSON.stringify(status.closes)}, refused ${status.refusals} ${status.firstRefusal ?? ''}`
            : ''),
      );
    } finally {
      await profile?.detach();
      await fleet.close();
    }
  }
  await tap.stop();
}
