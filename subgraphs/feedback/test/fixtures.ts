import { randomUUID } from 'node:crypto';
import { book, client, errorCodes, eventually, nextFreeSlot, publishRaw, type AuthPayload, type GraphQLResult, type Practice } from '@medappt/testkit';

// The practice (clinic, service, doctor with hours) and patients come from the testkit's `seed`.
export const c = client();

async function as<T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await c.call<T>(query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A visit of `pat` with the practice's doctor, booked and approved: CONFIRMED. */
export async function confirmedVisit(p: Practice, pat: AuthPayload): Promise<string> {
  const booked = (await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: (await nextFreeSlot(p)).start })).data?.bookAppointment;
  if (booked?.__typename !== 'Appointment') throw new Error('the slot was taken');
  await as(p.doctor.accessToken, 'mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id: booked.id });
  return booked.id;
}

/** A visit of `pat`, completed by staff (it is tomorrow: walked in early, with a reason). */
export async function completedVisit(p: Practice, pat: AuthPayload): Promise<string> {
  const id = await confirmedVisit(p, pat);
  await as(p.staff.accessToken, 'mutation($id: ID!) { completeAppointment(id: $id, override: { reason: "came in early" }) { id } }', { id });
  return id;
}

export const FEEDBACK_FIELDS =
  'id overall bedsideManner waitTime comment commentHidden hiddenReason submittedAt updatedAt editableUntil appointment { id } doctor { id }';

export interface FeedbackSeen {
  id: string;
  overall: number;
  bedsideManner: number | null;
  waitTime: number | null;
  comment: string | null;
  commentHidden: boolean;
  hiddenReason: string | null;
  submittedAt: string;
  updatedAt: string;
  editableUntil: string;
  appointment: { id: string };
  doctor: { id: string };
}

export function submit(token: string | undefined, input: Record<string, unknown>): Promise<GraphQLResult<{ submitFeedback: FeedbackSeen }>> {
  return c.call(`mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { ${FEEDBACK_FIELDS} } }`, { i: input }, { token });
}

/**
 * submitFeedback once the feedback subgraph has heard the visit was completed (appointments.events.v1
 * arrives a moment after completeAppointment answers).
 */
export async function submitWhenHeard(token: string, input: Record<string, unknown>): Promise<FeedbackSeen> {
  return eventually(async () => {
    const result = await submit(token, input);
    if (result.data) return result.data.submitFeedback;
    const [code] = errorCodes(result);
    if (code === 'NOT_FOUND' || /is not a completed visit/.test(result.errors?.[0]?.message ?? '')) return undefined;
    throw new Error(JSON.stringify(result.errors));
  });
}

export function update(token: string | undefined, id: string, input: Record<string, unknown>): Promise<GraphQLResult<{ updateFeedback: FeedbackSeen }>> {
  return c.call(`mutation($id: ID!, $i: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $i) { ${FEEDBACK_FIELDS} } }`, { id, i: input }, { token });
}

export function hide(token: string | undefined, id: string, reason: string): Promise<GraphQLResult<{ hideFeedback: FeedbackSeen }>> {
  return c.call(`mutation($id: ID!, $r: String!) { hideFeedback(id: $id, reason: $r) { ${FEEDBACK_FIELDS} } }`, { id, r: reason }, { token });
}

export function restore(token: string | undefined, id: string): Promise<GraphQLResult<{ restoreFeedback: FeedbackSeen }>> {
  return c.call(`mutation($id: ID!) { restoreFeedback(id: $id) { ${FEEDBACK_FIELDS} } }`, { id }, { token });
}

export interface RatingSeen {
  average: number | null;
  count: number;
  distribution: { score: number; count: number }[];
  bedsideManner: { average: number | null; count: number };
  waitTime: { average: number | null; count: number };
}

/** Doctor.rating and Doctor.reviews, as anyone (no token) reads them. */
export async function publicDoctor(
  doctorId: string,
  first = 20,
  after?: string,
): Promise<{
  rating: RatingSeen;
  reviews: { edges: { node: Record<string, unknown>; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}> {
  const result = await c.call<{
    doctor: {
      rating: RatingSeen;
      reviews: { edges: { node: Record<string, unknown>; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
  }>(
    `query($id: ID!, $first: Int, $after: String) { doctor(id: $id) {
      rating { average count distribution { score count } bedsideManner { average count } waitTime { average count } }
      reviews(first: $first, after: $after) { edges { cursor node { id overall bedsideManner waitTime comment commentHidden visitMonth } } pageInfo { hasNextPage endCursor } }
    } }`,
    { id: doctorId, first, after: after ?? null },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.doctor;
}

/**
 * An appointment event on the real topic as appointments would publish it, for what the API cannot
 * make: a visit completed weeks ago. The envelope is written out so its `occurredAt` can be in the past.
 */
export async function appointmentEvent(options: {
  appointmentId?: string;
  patientId: string;
  doctorId: string;
  status: string;
  occurredAt: Date;
  id?: string;
}): Promise<{ appointmentId: string; envelope: string }> {
  const appointmentId = options.appointmentId ?? randomUUID();
  const startAt = new Date(options.occurredAt.getTime() - 3_600_000);
  const envelope = JSON.stringify({
    id: options.id ?? randomUUID(),
    type: `appointment.${options.status.toLowerCase()}`,
    version: 1,
    occurredAt: options.occurredAt.toISOString(),
    key: appointmentId,
    requestId: null,
    payload: {
      appointmentId,
      doctorId: options.doctorId,
      patientId: options.patientId,
      serviceId: randomUUID(),
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 1_800_000).toISOString(),
      status: options.status,
      timeZone: 'Europe/Berlin',
    },
  });
  await publishRaw('appointments.events.v1', appointmentId, envelope);
  return { appointmentId, envelope };
}
