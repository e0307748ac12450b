/**
 * Commit → subscriber socket latency for appointmentChanged: `subscribers` sockets follow one
 * seeded doctor; a patient books `samples` times, one at a time; each sample is the time from the
 * booking's answer (committed) to the last socket receiving the change. Budget (DESIGN.md): p99 <
 * 100 ms for the last of 500 sockets (not met yet: one gateway reading per subscriber, no grouping).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, login, must } from './client.ts';
import { summarize } from './stats.ts';

const CHANGES = 'subscription($d: ID) { appointmentChanged(doctorId: $d) { action appointment { id status doctor { name } service { name } } } }';
const BOOK = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename ... on Appointment { id } } }';

export async function subscriptionLatency(urls: { routerUrl: string }, options: { subscribers: number[]; samples: number; doctorPassword: string; patientPassword: string }): Promise<void> {
  // A seeded doctor whose sign-in is known (scripts/seed: first.last@doctors.clinic.local).
  const found = await must<{ doctors: { edges: { node: { id: string; name: string; services: { id: string }[] } }[] } }>(
    urls.routerUrl,
    '{ doctors(filter: { search: "jose muller" }, first: 1) { edges { node { id name services { id } } } } }',
  );
  const doctor = found.doctors.edges[0]?.node;
  if (!doctor?.services[0]) throw new Error('the seeded doctor José Müller was not found: run pnpm seed');
  const service = doctor.services[0];
  const profile = { doctor };
  const doctorToken = await login(urls.routerUrl, 'jose.muller@doctors.clinic.local', options.doctorPassword);
  const patientToken = await login(urls.routerUrl, 'patient01@example.com', options.patientPassword);
  const slots = (
    await must<{ availableSlots: { start: string }[] }>(
      urls.routerUrl,
      'query($s: ID!, $f: DateTime!, $t: DateTime!, $d: ID) { availableSlots(serviceId: $s, from: $f, to: $t, doctorId: $d, first: 1000) { start } }',
      { s: service.id, f: new Date(Date.now() + 2 * 86_400_000).toISOString(), t: new Date(Date.now() + 16 * 86_400_000).toISOString(), d: doctor.id },
    )
  ).availableSlots;

  for (const count of options.subscribers) {
    const clients: Client[] = [];
    const arrivals = new Map<string, number[]>();
    for (let i = 0; i < count; i += 1) {
      const client = createClient({ url: urls.routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${doctorToken}` }, retryAttempts: 0 });
      clients.push(client);
      client.subscribe<{ appointmentChanged: { appointment: { id: string } } }>({ query: CHANGES, variables: { d: doctor.id } }, {
        next: (result) => {
          const id = result.data?.appointmentChanged.appointment.id;
          if (id) arrivals.set(id, [...(arrivals.get(id) ?? []), performance.now()]);
        },
        error: () => undefined,
        complete: () => undefined,
      });
    }
    await new Promise((r) => setTimeout(r, 1_000 + count * 5));
    const latencies: number[] = [];
    for (let n = 0; n < options.samples; n += 1) {
      const slot = slots.shift();
      if (!slot) throw new Error('no free slots left for this doctor: reseed (delete .data/)');
      const result = await gql<{ bookAppointment: { __typename: string; id?: string } }>(urls.routerUrl, BOOK, { i: { doctorId: doctor.id, serviceId: service.id, start: slot.start } }, patientToken);
      const committed = performance.now();
      const id = result.data?.bookAppointment.id;
      if (!id) continue;
      const deadline = committed + 10_000;
      while ((arrivals.get(id)?.length ?? 0) < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      const times = arrivals.get(id) ?? [];
      if (times.length < count) console.log(`  sample ${n}: only ${times.length}/${count} sockets got it within 10 s`);
      else latencies.push(Math.max(...times) - committed);
    }
    const s = summarize(latencies);
    console.log(`appointmentChanged, ${count} socket(s) on ${profile.doctor.name}, ${latencies.length} bookings: last socket p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`);
    await Promise.all(clients.map((c) => c.dispose()));
  }
}
