import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST } from 'graphql';
import { accountWithRole, adminSession, client, registeredPatient, type AuthPayload } from './accounts.ts';
import { eventually } from './events.ts';
import type { CallOptions, GraphQLResult, Operation } from './graphql-client.ts';
import {
  BookAppointmentDocument,
  FreeSlotsDocument,
  SeedClinicDocument,
  SeedDoctorDocument,
  SeedHoursDocument,
  SeedServiceDocument,
  type AvailabilityInput,
  type BookAppointmentInput,
  type BookAppointmentMutation,
  type CreateClinicInput,
  type CreateDoctorInput,
  type CreateServiceInput,
  type FreeSlotsQuery,
  type WeeklyRuleInput,
} from './generated/operations.ts';

/**
 * Fluent seeding through the router, as an admin and the doctor would, shared by every suite
 * (adr/013: no subgraph's tests import another's):
 *
 *   const p = await seed.clinic({ timeZone: 'Europe/Berlin' }).service({ minutes: 30 }).doctor().hours(rules);
 *
 * Each step is awaitable on its own and made once however often it is awaited or built on, so two
 * `.doctor()` on one service seed are two doctors at one clinic offering one service.
 */

/** The seed's own client: one address per test file, as the suites' fixtures had. */
const c = client();
const DAY_MS = 86_400_000;
const tag = (): string => randomBytes(3).toString('hex');

/** An account signed in, whose `call` carries its token. */
export interface Session extends AuthPayload {
  call<T = Record<string, unknown>, V = Record<string, unknown>>(
    operation: Operation<T, V>,
    variables?: V,
    options?: Omit<CallOptions, 'token'>,
  ): Promise<GraphQLResult<T>>;
}

export function sessionOf(auth: AuthPayload): Session {
  return { ...auth, call: (operation, variables, options = {}) => c.call(operation, variables, { ...options, token: auth.accessToken }) };
}

/** Runs a set-up step as `token`; a step that fails fails the test with its errors, not later with a riddle. */
async function must<T, V>(operation: TypedDocumentNode<T, V>, variables: V, token: string): Promise<T> {
  const result = await c.call(operation, variables, { token });
  if (result.errors || !result.data) throw new Error(`${getOperationAST(operation)?.name?.value ?? 'seeding'} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export interface SeededClinic {
  clinicId: string;
  timeZone: string;
  admin: Session;
}
export interface SeededService extends SeededClinic {
  serviceId: string;
  durationMinutes: number;
}
export interface SeededDoctor extends SeededService {
  doctorId: string;
  /** The doctor's account, signed in: a Doctor id is its account's (docs/adr/005). */
  doctor: Session;
}
/** A doctor with working hours, bookable through the router; staff to book for patients. */
export interface Practice extends SeededDoctor {
  staff: Session;
}

export type ClinicOptions = Partial<CreateClinicInput>;
export type ServiceOptions = Partial<Omit<CreateServiceInput, 'durationMinutes'>> & { minutes?: number };
export type DoctorOptions = Partial<Omit<CreateDoctorInput, 'userId' | 'clinicId' | 'serviceIds'>> & { specialty?: string };
/** The rest of the availability; its time zone is the clinic's unless given. */
export type HoursOptions = Partial<Omit<AvailabilityInput, 'doctorId' | 'rules'>>;

/** Nine to five, every day of the week (1 = Monday … 7 = Sunday). */
export const EVERY_DAY: readonly WeeklyRuleInput[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

abstract class Seed<T> implements PromiseLike<T> {
  #made: Promise<T> | undefined;
  protected abstract make(): Promise<T>;
  made(): Promise<T> {
    return (this.#made ??= this.make());
  }
  then<A = T, B = never>(onMade?: ((value: T) => A | PromiseLike<A>) | null, onFailed?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.made().then(onMade, onFailed);
  }
}

export class ClinicSeed extends Seed<SeededClinic> {
  constructor(private readonly options: ClinicOptions) {
    super();
  }
  protected async make(): Promise<SeededClinic> {
    const admin = sessionOf(await adminSession(c));
    const input = { name: `Clinic ${tag()}`, address: '1 Main St', timeZone: 'Europe/Berlin', ...this.options };
    const { createClinic } = await must(SeedClinicDocument, { input }, admin.accessToken);
    return { clinicId: createClinic.id, timeZone: createClinic.timeZone, admin };
  }
  /** A catalogue service (30 minutes unless `minutes`), for the doctors seeded next. */
  service(options: ServiceOptions = {}): ServiceSeed {
    return new ServiceSeed(this, options);
  }
}

export class ServiceSeed extends Seed<SeededService> {
  constructor(
    private readonly clinic: ClinicSeed,
    private readonly options: ServiceOptions,
  ) {
    super();
  }
  protected async make(): Promise<SeededService> {
    const clinic = await this.clinic.made();
    const { minutes = 30, ...rest } = this.options;
    const input: CreateServiceInput = {
      name: `Checkup ${tag()}`,
      kind: 'CHECKUP',
      durationMinutes: minutes,
      price: { amountCents: 5000, currency: 'EUR' },
      ...rest,
    };
    const { createService } = await must(SeedServiceDocument, { input }, clinic.admin.accessToken);
    return { ...clinic, serviceId: createService.id, durationMinutes: createService.durationMinutes };
  }
  /** A DOCTOR account with a profile at the clinic, offering the service (known to doctors; `.hours()` waits for appointments). */
  doctor(options: DoctorOptions = {}): DoctorSeed {
    return new DoctorSeed(this, options);
  }
}

export class DoctorSeed extends Seed<SeededDoctor> {
  constructor(
    private readonly service: ServiceSeed,
    private readonly options: DoctorOptions,
  ) {
    super();
  }
  protected async make(): Promise<SeededDoctor> {
    const service = await this.service.made();
    const doctor = await doctorAt(service, service.clinicId, this.options);
    return { ...service, doctorId: doctor.user.id, doctor };
  }
  /** Weekly hours in the clinic's zone (nine to five every day unless `rules`), once the appointments subgraph can book them. */
  hours(rules: readonly WeeklyRuleInput[] = EVERY_DAY, options: HoursOptions = {}): HoursSeed {
    return new HoursSeed(this, rules, options);
  }
}

export class HoursSeed extends Seed<Practice> {
  constructor(
    private readonly doctor: DoctorSeed,
    private readonly rules: readonly WeeklyRuleInput[],
    private readonly options: HoursOptions,
  ) {
    super();
  }
  protected async make(): Promise<Practice> {
    const doctor = await this.doctor.made();
    await workingHours(doctor, this.rules, { timeZone: doctor.timeZone, ...this.options });
    return { ...doctor, staff: sessionOf(await accountWithRole('STAFF', c)) };
  }
}

async function doctorAt(service: SeededService, clinicId: string, options: DoctorOptions): Promise<Session> {
  const doctor = sessionOf(await accountWithRole('DOCTOR', c));
  const { specialty = 'General practice', ...rest } = options;
  const input: CreateDoctorInput = {
    userId: doctor.user.id,
    name: `Dr. ${tag()}`,
    specialties: [specialty],
    clinicId,
    serviceIds: [service.serviceId],
    ...rest,
  };
  await must(SeedDoctorDocument, { input }, service.admin.accessToken);
  return doctor;
}

/** Sets the doctor's hours once doctors.events.v1 has told appointments of them, and waits until their slots for the service show. */
async function workingHours(
  doctor: { doctorId: string; serviceId: string; doctor: Session },
  rules: readonly WeeklyRuleInput[],
  options: HoursOptions & { timeZone: string },
): Promise<void> {
  const input: AvailabilityInput = { bufferAfterMinutes: 0, minimumNoticeMinutes: 60, ...options, doctorId: doctor.doctorId, rules: [...rules] };
  await eventually(async () => ((await doctor.doctor.call(SeedHoursDocument, { input })).errors ? undefined : true));
  await eventually(async () => ((await freeSlots(doctor, new Date(), 7)).length ? true : undefined));
}

export type Slot = FreeSlotsQuery['availableSlots'][number];

/** The doctor's free slots for the service from `from`, `days` long, earliest first (at most 1000). */
export async function freeSlots(p: { serviceId: string; doctorId: string }, from: Date, days = 7): Promise<Slot[]> {
  const result = await c.call(FreeSlotsDocument, {
    serviceId: p.serviceId,
    doctorId: p.doctorId,
    from: from.toISOString(),
    to: new Date(from.getTime() + days * DAY_MS).toISOString(),
  });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.availableSlots;
}

/** The doctor's first free slot from `from` (tomorrow unless given). */
export async function nextFreeSlot(p: { serviceId: string; doctorId: string }, from = new Date(Date.now() + DAY_MS)): Promise<Slot> {
  const [slot] = await freeSlots(p, from, 7);
  if (!slot) throw new Error(`no free slot for doctor ${p.doctorId} in the week from ${from.toISOString()}`);
  return slot;
}

/** Books as `token`'s account: an Appointment, or SlotUnavailable with alternatives. */
export function book(token: string, input: BookAppointmentInput): Promise<GraphQLResult<BookAppointmentMutation>> {
  return c.call(BookAppointmentDocument, { input }, { token });
}

export const seed = {
  clinic: (options: ClinicOptions = {}): ClinicSeed => new ClinicSeed(options),
  /** The usual bookable doctor: `seed.clinic().service().doctor().hours()`, Europe/Berlin, 30 minutes, nine to five every day. */
  practice: (): HoursSeed => seed.clinic().service().doctor().hours(),
  /**
   * Another doctor offering the practice's service at `clinicId` (the practice's own unless given),
   * with the same hours in `timeZone` (the practice's unless given), once slot search knows them.
   */
  async colleague(p: Practice, options: { clinicId?: string; timeZone?: string; specialty?: string } = {}): Promise<{ doctor: Session; doctorId: string }> {
    const doctor = await doctorAt(p, options.clinicId ?? p.clinicId, options.specialty ? { specialty: options.specialty } : {});
    await workingHours({ ...p, doctorId: doctor.user.id, doctor }, EVERY_DAY, { timeZone: options.timeZone ?? p.timeZone });
    return { doctor, doctorId: doctor.user.id };
  },
  /** A new patient, signed up through the emailed link from an address of its own. */
  patient: async (): Promise<Session> => sessionOf((await registeredPatient()).session),
  /** An account of any role, created by the admin and signed in. */
  account: async (role: 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN'): Promise<Session> => sessionOf(await accountWithRole(role, c)),
};
