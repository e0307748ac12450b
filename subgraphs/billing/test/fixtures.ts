import { randomBytes } from 'node:crypto';
import { Topics } from '@medappt/platform';
import {
  accountWithRole,
  adminSession,
  client,
  eventually,
  publishEvent,
  registeredPatient,
  waitForMessage,
  type AuthPayload,
  type GraphQLResult,
} from '@medappt/testkit';

// Setup through the public API only (adr/013): a clinic, a priced service and a doctor, created as
// staff and the doctor would, then bookings moved through the appointment workflow.

export const c = client();

export async function as<T>(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await c.call<T>(query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 70)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export interface Practice {
  clinicId: string;
  serviceId: string;
  serviceName: string;
  doctorId: string;
  doctor: AuthPayload;
  staff: AuthPayload;
}

const DAY = 86_400_000;

/**
 * A UTC clinic open around the clock (so a slot inside the 24-hour patient cutoff always exists),
 * a service at `priceCents` EUR offered by a doctor, known to appointments (slots) and to billing
 * (its settings answer), and `settings` applied.
 */
export async function practice(options: { priceCents?: number; settings?: Record<string, unknown> } = {}): Promise<Practice> {
  const admin = await adminSession(c);
  const tag = randomBytes(3).toString('hex');
  const { createClinic } = await as<{ createClinic: { id: string } }>(
    admin.accessToken,
    'mutation($i: CreateClinicInput!) { createClinic(input: $i) { id } }',
    {
      i: { name: `Billing clinic ${tag}`, address: '1 Main St', timeZone: 'UTC' },
    },
  );
  const serviceName = `Checkup ${tag}`;
  const { createService } = await as<{ createService: { id: string } }>(
    admin.accessToken,
    'mutation($i: CreateServiceInput!) { createService(input: $i) { id } }',
    {
      i: { name: serviceName, kind: 'CHECKUP', durationMinutes: 30, price: { amountCents: options.priceCents ?? 5000, currency: 'EUR' } },
    },
  );
  const doctor = await accountWithRole('DOCTOR', c);
  await as(admin.accessToken, 'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }', {
    i: { userId: doctor.user.id, name: `Dr. ${tag}`, specialties: ['General practice'], clinicId: createClinic.id, serviceIds: [createService.id] },
  });
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  const availability = { doctorId: doctor.user.id, timeZone: 'UTC', rules, minimumNoticeMinutes: 60 };
  await eventually(async () =>
    (await c.call('mutation($i: AvailabilityInput!) { setAvailability(input: $i) { doctorId } }', { i: availability }, { token: doctor.accessToken })).errors
      ? undefined
      : true,
  );
  const staff = await accountWithRole('STAFF', c);
  const p = { clinicId: createClinic.id, serviceId: createService.id, serviceName, doctorId: doctor.user.id, doctor, staff };
  await eventually(async () => ((await slotsOf(p, new Date(), 2)).length ? true : undefined));
  // Billing knows the clinic once doctors.events.v1 brought it.
  await eventually(async () => ((await c.call(SETTINGS_QUERY, { id: p.clinicId }, { token: staff.accessToken })).errors ? undefined : true));
  if (options.settings) await setSettings(p, options.settings);
  return p;
}

const SETTINGS_QUERY = 'query($id: ID!) { billingSettings(clinicId: $id) { clinicId } }';
export const SETTINGS_FIELDS =
  'clinicId currency taxRateBasisPoints paymentTermsDays invoicePrefix noShowFee { amountCents currency } lateCancellationFee { amountCents currency } reviewBeforeIssue';

export function setSettingsCall(p: Practice, input: Record<string, unknown>, token = p.staff.accessToken) {
  return c.call<{ setBillingSettings: Record<string, unknown> }>(
    `mutation($i: BillingSettingsInput!) { setBillingSettings(input: $i) { ${SETTINGS_FIELDS} } }`,
    { i: { clinicId: p.clinicId, ...input } },
    { token },
  );
}

/** The clinic's billing settings, as its staff read them. */
export async function settingsOf(p: Practice): Promise<Record<string, unknown>> {
  const data = await as<{ billingSettings: Record<string, unknown> }>(
    p.staff.accessToken,
    `query($id: ID!) { billingSettings(clinicId: $id) { ${SETTINGS_FIELDS} } }`,
    { id: p.clinicId },
  );
  return data.billingSettings;
}

export async function setSettings(p: Practice, input: Record<string, unknown>): Promise<void> {
  const result = await setSettingsCall(p, input);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

/** A prefix no other test uses, so invoice numbers start at 000001 where a test reads them. */
export const uniquePrefix = (): string => `T${randomBytes(4).toString('hex').toUpperCase()}`;

async function slotsOf(p: Pick<Practice, 'serviceId' | 'doctorId'>, from: Date, days: number): Promise<{ start: string }[]> {
  const result = await c.call<{ availableSlots: { start: string }[] }>(
    'query($s: ID!, $f: DateTime!, $t: DateTime!, $d: ID) { availableSlots(serviceId: $s, from: $f, to: $t, doctorId: $d, first: 1000) { start } }',
    { s: p.serviceId, f: from.toISOString(), t: new Date(from.getTime() + days * DAY).toISOString(), d: p.doctorId },
  );
  return result.data?.availableSlots ?? [];
}

export const patient = async (): Promise<AuthPayload> => (await registeredPatient()).session;

/**
 * A confirmed appointment of `patient` with the practice's doctor: `soon` is the first free slot
 * (inside the 24-hour patient cutoff), otherwise one three days ahead.
 */
export async function confirmed(p: Practice, who: AuthPayload, options: { soon?: boolean } = {}): Promise<string> {
  const from = options.soon ? new Date() : new Date(Date.now() + 3 * DAY);
  const slots = await slotsOf(p, from, 1);
  for (const slot of slots) {
    const booked = await c.call<{ bookAppointment: { __typename: string; id?: string } }>(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename ... on Appointment { id } } }',
      { i: { doctorId: p.doctorId, serviceId: p.serviceId, start: slot.start } },
      { token: who.accessToken },
    );
    const id = booked.data?.bookAppointment.id;
    if (!id) continue; // taken by a parallel test meanwhile: the next one
    await as(p.doctor.accessToken, 'mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id });
    return id;
  }
  throw new Error('no free slot');
}

/** Completed by staff before its start (an override with a reason), as the clinic would record an early visit. */
export async function completedVisit(p: Practice, who: AuthPayload): Promise<string> {
  const id = await confirmed(p, who);
  await as(p.staff.accessToken, 'mutation($id: ID!) { completeAppointment(id: $id, override: { reason: "seen early" }) { id } }', { id });
  return id;
}

export const INVOICE_FIELDS = `id number kind status taxRateBasisPoints dueDate issuedAt voidReason
  lines { description amount { amountCents currency } tax { amountCents currency } }
  net { amountCents currency } tax { amountCents currency } gross { amountCents currency } balance { amountCents currency }
  payments { amount { amountCents currency } method reference reason }
  appointment { id } patient { id }`;

export interface InvoiceView {
  id: string;
  number: string | null;
  kind: string;
  status: string;
  taxRateBasisPoints: number;
  dueDate: string | null;
  issuedAt: string | null;
  voidReason: string | null;
  lines: { description: string; amount: { amountCents: number; currency: string }; tax: { amountCents: number; currency: string } }[];
  net: { amountCents: number; currency: string };
  tax: { amountCents: number; currency: string };
  gross: { amountCents: number; currency: string };
  balance: { amountCents: number; currency: string };
  payments: { amount: { amountCents: number; currency: string }; method: string; reference: string | null; reason: string | null }[];
  appointment: { id: string };
  patient: { id: string };
}

export function appointmentInvoice(
  appointmentId: string,
  token: string,
): Promise<GraphQLResult<{ appointment: { id: string; invoice: InvoiceView | null } | null }>> {
  return c.call(`query($id: ID!) { appointment(id: $id) { id invoice { ${INVOICE_FIELDS} } } }`, { id: appointmentId }, { token });
}

/** The appointment's invoice once billing made it. */
export async function invoiceOf(appointmentId: string, token: string): Promise<InvoiceView> {
  return eventually(async () => (await appointmentInvoice(appointmentId, token)).data?.appointment?.invoice ?? undefined, { timeoutMs: 20_000 });
}

export function readInvoice(id: string, token?: string) {
  return c.call<{ invoice: InvoiceView | null }>(`query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`, { id }, { token });
}

/** Every invoice of a patient (as staff), newest first. */
export async function invoicesOfPatient(patientId: string, staffToken: string): Promise<InvoiceView[]> {
  const data = await as<{ patient: { invoices: { edges: { node: InvoiceView }[] } } }>(
    staffToken,
    `query($id: ID!) { patient(id: $id) { invoices(first: 10) { edges { node { ${INVOICE_FIELDS} } } } } }`,
    { id: patientId },
  );
  return data.patient.invoices.edges.map((e) => e.node);
}

export function pay(invoiceId: string, amountCents: number, token: string, extra: Record<string, unknown> = {}) {
  return c.call<{ recordPayment: InvoiceView }>(
    `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { ${INVOICE_FIELDS} } }`,
    {
      i: { invoiceId, amount: { amountCents, currency: 'EUR' }, method: 'CARD', ...extra },
    },
    { token },
  );
}

/** The appointment event the appointments subgraph published, as it sits on the topic. */
export async function publishedEvent(appointmentId: string, type: string): Promise<string> {
  const message = await waitForMessage(Topics.appointments.name, (m) => m.key === appointmentId && (JSON.parse(m.value) as { type: string }).type === type);
  return message.value;
}

/**
 * Another event for the same appointment (same key, so the same partition, behind everything sent
 * before it): once its effect shows, the consumer has handled all that came earlier.
 */
export async function publishAppointmentEvent(type: string, payload: Record<string, unknown>): Promise<void> {
  await publishEvent(Topics.appointments.name, { type, key: String(payload['appointmentId']), payload });
}
