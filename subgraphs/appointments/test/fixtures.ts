import { randomBytes } from 'node:crypto';
import { accountWithRole, adminSession, client, eventually, registeredPatient, type AuthPayload } from '@medappt/testkit';

export const c = client();

async function as<T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await c.call<T>(query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export interface Practice {
  doctor: AuthPayload;
  doctorId: string;
  serviceId: string;
  clinicId: string;
  staff: AuthPayload;
}

/**
 * A clinic in `timeZone`, a service of `durationMinutes`, and a doctor offering it with weekly
 * hours (every day by default), created through the router as an admin and the doctor would,
 * once the catalogue has reached the appointments subgraph through Kafka.
 */
export async function practice(options: { timeZone?: string; durationMinutes?: number; rules?: { weekday: number; start: string; end: string }[]; bufferAfterMinutes?: number; minimumNoticeMinutes?: number } = {}): Promise<Practice> {
  const admin = await adminSession(c);
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const tag = randomBytes(3).toString('hex');
  const { createClinic } = await as<{ createClinic: { id: string } }>(admin.accessToken, 'mutation($i: CreateClinicInput!) { createClinic(input: $i) { id } }', {
    i: { name: `Clinic ${tag}`, address: '1 Main St', timeZone },
  });
  const { createService } = await as<{ createService: { id: string } }>(admin.accessToken, 'mutation($i: CreateServiceInput!) { createService(input: $i) { id } }', {
    i: { name: `Checkup ${tag}`, kind: 'CHECKUP', durationMinutes: options.durationMinutes ?? 30, price: { amountCents: 5000, currency: 'EUR' } },
  });
  const doctor = await accountWithRole('DOCTOR', c);
  await as(admin.accessToken, 'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }', {
    i: { userId: doctor.user.id, name: `Dr. ${tag}`, specialties: ['General practice'], clinicId: createClinic.id, serviceIds: [createService.id] },
  });
  const rules = options.rules ?? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const availability = { doctorId: doctor.user.id, timeZone, rules, bufferAfterMinutes: options.bufferAfterMinutes ?? 0, minimumNoticeMinutes: options.minimumNoticeMinutes ?? 60 };
  // The doctor is known to appointments once doctors.events.v1 has delivered them.
  await eventually(async () => ((await c.call('mutation($i: AvailabilityInput!) { setAvailability(input: $i) { doctorId } }', { i: availability }, { token: doctor.accessToken })).errors ? undefined : true));
  // And the service offered by them, too.
  await eventually(async () => {
    const slots = await c.call<{ availableSlots: unknown[] }>('query($s: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, from: $f, to: $t) { start } }', {
      s: createService.id,
      f: new Date().toISOString(),
      t: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    return slots.data?.availableSlots.length ? true : undefined;
  });
  return { doctor, doctorId: doctor.user.id, serviceId: createService.id, clinicId: createClinic.id, staff: await accountWithRole('STAFF', c) };
}

/**
 * Another doctor offering a practice's service, at `clinicId` (the practice's own clinic by
 * default), with the same hours, once the appointments subgraph knows them.
 */
export async function colleague(p: Practice, options: { clinicId?: string; timeZone?: string; specialty?: string } = {}): Promise<{ doctor: AuthPayload; doctorId: string }> {
  const admin = await adminSession(c);
  const doctor = await accountWithRole('DOCTOR', c);
  const tag = randomBytes(3).toString('hex');
  await as(admin.accessToken, 'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }', {
    i: { userId: doctor.user.id, name: `Dr. ${tag}`, specialties: [options.specialty ?? 'General practice'], clinicId: options.clinicId ?? p.clinicId, serviceIds: [p.serviceId] },
  });
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const availability = { doctorId: doctor.user.id, timeZone: options.timeZone ?? 'Europe/Berlin', rules };
  await eventually(async () => ((await c.call('mutation($i: AvailabilityInput!) { setAvailability(input: $i) { doctorId } }', { i: availability }, { token: doctor.accessToken })).errors ? undefined : true));
  // Known to slot search once doctors.events.v1 has delivered them.
  await eventually(async () => ((await freeSlots({ ...p, doctorId: doctor.user.id }, new Date(Date.now() + 86_400_000), 1)).length ? true : undefined));
  return { doctor, doctorId: doctor.user.id };
}

/** A clinic in `timeZone`, created as an admin, known to the appointments subgraph. */
export async function clinic(timeZone: string): Promise<string> {
  const admin = await adminSession(c);
  const { createClinic } = await as<{ createClinic: { id: string } }>(admin.accessToken, 'mutation($i: CreateClinicInput!) { createClinic(input: $i) { id } }', {
    i: { name: `Clinic ${randomBytes(3).toString('hex')}`, address: '2 Side St', timeZone },
  });
  return createClinic.id;
}

export const SLOTS = 'query($s: ID!, $f: DateTime!, $t: DateTime!, $d: ID) { availableSlots(serviceId: $s, from: $f, to: $t, doctorId: $d, first: 1000) { start end timeZone localStart doctor { id } } }';

export async function freeSlots(p: Practice, from: Date, days = 7): Promise<{ start: string; end: string; localStart: string; timeZone: string }[]> {
  const result = await c.call<{ availableSlots: { start: string; end: string; localStart: string; timeZone: string }[] }>(SLOTS, {
    s: p.serviceId,
    f: from.toISOString(),
    t: new Date(from.getTime() + days * 86_400_000).toISOString(),
    d: p.doctorId,
  });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.availableSlots;
}

export const BOOK = `mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) {
  __typename
  ... on Appointment { id status start end localStart timeZone }
  ... on SlotUnavailable { message alternatives { start doctor { id } } }
} }`;

export type BookResult = { bookAppointment: { __typename: 'Appointment'; id: string; status: string; start: string } | { __typename: 'SlotUnavailable'; message: string; alternatives: { start: string; doctor: { id: string } }[] } };

export function book(token: string, input: Record<string, unknown>) {
  return c.call<BookResult>(BOOK, { i: input }, { token });
}

export async function patient(): Promise<AuthPayload> {
  return (await registeredPatient()).session;
}
