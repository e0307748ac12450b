/**
 * The seeded system as the live benches use it (`pnpm seed`): the seeded doctors signed in with
 * their known password, a seeded patient, and bookings that are cancelled again so that a bench
 * can be rerun without running out of free slots.
 */
import { seedDoctors } from '../scripts/seed/catalogue.ts';
import { gql, login, must } from './client.ts';

export interface SeededDoctor {
  id: string;
  name: string;
  serviceId: string;
  token: string;
}

/** The first `count` seeded doctors (José Müller first), each signed in as themself. */
export async function seededDoctors(routerUrl: string, count: number, password: string): Promise<SeededDoctor[]> {
  const doctors: SeededDoctor[] = [];
  for (const seed of seedDoctors().slice(0, count)) {
    const found = await must<{ doctors: { edges: { node: { id: string; name: string; services: { id: string }[] } }[] } }>(
      routerUrl,
      'query($q: String!) { doctors(filter: { search: $q }, first: 5) { edges { node { id name services { id } } } } }',
      { q: seed.name },
    );
    const node = found.doctors.edges.map((e) => e.node).find((n) => n.name.endsWith(seed.name));
    if (!node?.services[0]) throw new Error(`the seeded doctor ${seed.name} was not found: run pnpm seed`);
    doctors.push({ id: node.id, name: node.name, serviceId: node.services[0].id, token: await login(routerUrl, seed.email, password) });
  }
  return doctors;
}

export const patientToken = (routerUrl: string, password: string, n = 1): Promise<string> =>
  login(routerUrl, `patient${String(n).padStart(2, '0')}@example.com`, password);

/** Free slot starts of `doctor` from two to sixteen days ahead. */
export async function freeStarts(routerUrl: string, doctor: SeededDoctor): Promise<string[]> {
  // One clock reading for both ends: the API allows a window of at most 14 days, to the millisecond.
  const from = Date.now() + 2 * 86_400_000;
  const { availableSlots } = await must<{ availableSlots: { start: string }[] }>(
    routerUrl,
    'query($s: ID!, $f: DateTime!, $t: DateTime!, $d: ID) { availableSlots(serviceId: $s, from: $f, to: $t, doctorId: $d, first: 1000) { start } }',
    { s: doctor.serviceId, f: new Date(from).toISOString(), t: new Date(from + 14 * 86_400_000).toISOString(), d: doctor.id },
  );
  if (availableSlots.length === 0) throw new Error(`${doctor.name} has no free slots in the next two weeks: reseed (delete .data/)`);
  return availableSlots.map((s) => s.start);
}

const BOOK = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename ... on Appointment { id createdAt } } }';

export interface Booked {
  id: string;
  /** The booking's answer arrived (after its commit), wall-clock ms. */
  answeredAt: number;
  /** The appointment's createdAt: the booking transaction's start (Postgres now()), wall-clock ms. */
  createdAt: number;
}

/** Books the first of `starts` that is still free (taken ones are dropped from the list). */
export async function bookFirstFree(routerUrl: string, token: string, doctor: SeededDoctor, starts: string[]): Promise<Booked> {
  while (starts.length > 0) {
    const result = await gql<{ bookAppointment: { __typename: string; id?: string; createdAt?: string } }>(
      routerUrl,
      BOOK,
      { i: { doctorId: doctor.id, serviceId: doctor.serviceId, start: starts[0] } },
      token,
    );
    const answeredAt = performance.timeOrigin + performance.now();
    const booked = result.data?.bookAppointment;
    if (booked?.id && booked.createdAt) return { id: booked.id, answeredAt, createdAt: Date.parse(booked.createdAt) };
    if (booked?.__typename !== 'SlotUnavailable') throw new Error(`booking failed: ${JSON.stringify(result.errors ?? result.data)}`);
    starts.shift();
  }
  throw new Error(`no free slots left for ${doctor.name}: reseed (delete .data/)`);
}

/** The patient cancels again: the slot is free for the next sample, and the doctor's sockets get a CANCELLED change. */
export async function cancel(routerUrl: string, token: string, appointmentId: string): Promise<void> {
  await must(routerUrl, 'mutation($id: ID!) { cancelAppointment(id: $id, reason: "bench") { id } }', { id: appointmentId }, token);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
