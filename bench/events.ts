/**
 * Event latency, end to end: a booking commits in appointments, its event goes outbox → relay
 * (LISTEN/NOTIFY) → Kafka → the patients consumer (after which the doctor may see the patient) and
 * the notifications consumer (after which the notice is in the patient's inbox). Measured from the
 * booking's response (after its commit) to the first successful read of each, polling every 5 ms
 * through the router, for fresh patient/doctor pairs.
 */
import { randomBytes } from 'node:crypto';
import { seedAccount } from '../scripts/seed/accounts.ts';
import { adminCredentials } from '../scripts/seed/admin.ts';
import { connect } from '../scripts/seed/api.ts';
import { seedDoctors } from '../scripts/seed/catalogue.ts';
import { gql, login, must } from './client.ts';
import { summarize } from './stats.ts';

export async function eventLatency(urls: { routerUrl: string }, options = { samples: 30, doctorPassword: 'doctor-password' }): Promise<void> {
  const doctors = seedDoctors().slice(0, 10);
  // Fresh patients each sample, made by the admin: self sign-up would add an email round trip.
  const admin = await connect(urls.routerUrl, adminCredentials());
  const latencies: number[] = [];
  const inboxLatencies: number[] = [];
  for (let i = 0; i < options.samples; i += 1) {
    const doctorEmail = doctors[i % doctors.length]!.email;
    const doctorToken = await login(urls.routerUrl, doctorEmail, options.doctorPassword);
    const { me } = await must<{ me: { id: string; doctorProfile: { services: { id: string }[] } } }>(
      urls.routerUrl,
      '{ me { id doctorProfile { services { id } } } }',
      {},
      doctorToken,
    );
    const serviceId = me.doctorProfile.services[0]!.id;
    const email = `latency.${randomBytes(4).toString('hex')}@example.com`;
    const patient = await seedAccount(admin, { email, password: 'latency-password', name: 'Latency Probe', role: 'PATIENT' });
    const register = { accessToken: patient.token, user: { id: patient.id } };
    await must(urls.routerUrl, 'mutation { savePatientProfile(input: { name: "Latency Probe" }) { id } }', {}, register.accessToken);
    const from = new Date(Date.now() + (20 + i) * 86_400_000);
    const { availableSlots } = await must<{ availableSlots: { start: string }[] }>(
      urls.routerUrl,
      'query($s: ID!, $d: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, doctorId: $d, from: $f, to: $t, first: 1) { start } }',
      { s: serviceId, d: me.id, f: from.toISOString(), t: new Date(from.getTime() + 7 * 86_400_000).toISOString() },
    );
    if (!availableSlots[0]) continue;
    await must(
      urls.routerUrl,
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename } }',
      { i: { doctorId: me.id, serviceId, start: availableSlots[0].start } },
      register.accessToken,
    );
    const committed = performance.now();
    let careSeen: number | undefined;
    let inboxSeen: number | undefined;
    while (careSeen === undefined || inboxSeen === undefined) {
      // Both polled side by side, so one read never delays noticing the other.
      await Promise.all([
        careSeen === undefined &&
          gql<{ patient: { name: string } | null }>(
            urls.routerUrl,
            'query($id: ID!) { patient(id: $id) { name } }',
            { id: register.user.id },
            doctorToken,
          ).then((read) => {
            if (read.data?.patient?.name) careSeen = performance.now() - committed;
          }),
        inboxSeen === undefined &&
          gql<{ me: { unreadNotificationCount: number | null } }>(urls.routerUrl, '{ me { unreadNotificationCount } }', {}, register.accessToken).then(
            (inbox) => {
              if ((inbox.data?.me.unreadNotificationCount ?? 0) > 0) inboxSeen = performance.now() - committed;
            },
          ),
      ]);
      if (performance.now() - committed > 10_000) throw new Error('event did not arrive within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    latencies.push(careSeen);
    inboxLatencies.push(inboxSeen);
  }
  const line = (what: string, samples: number[]) => {
    const { p50, p99, max } = summarize(samples);
    return `event latency, booking commit → ${what} (${samples.length} samples, 5 ms polling): p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms`;
  };
  console.log(line("notification in the patient's inbox", inboxLatencies));
  console.log(line('patients consumer effect', latencies));
}
