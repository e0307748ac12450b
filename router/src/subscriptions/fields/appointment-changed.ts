import { appointmentPayloadV1, parsePayloadV1, Topics, type AppointmentPayloadV1, type Viewer } from '@medappt/platform';
import { liveField, type Refusal } from './live-field.ts';

/** `appointmentChanged(doctorId, patientId)`: whose appointments a subscriber follows. */
export interface AppointmentChangeArgs {
  readonly doctorId?: string | null | undefined;
  readonly patientId?: string | null | undefined;
}

export const ActionOfEvent = {
  'appointment.requested': 'REQUESTED',
  'appointment.confirmed': 'CONFIRMED',
  'appointment.declined': 'DECLINED',
  'appointment.cancelled': 'CANCELLED',
  'appointment.rescheduled': 'RESCHEDULED',
  'appointment.completed': 'COMPLETED',
  'appointment.no_show': 'NO_SHOW',
} as const;
export type AppointmentChangeAction = (typeof ActionOfEvent)[keyof typeof ActionOfEvent];

interface AppointmentChangeEvent {
  readonly action: AppointmentChangeAction;
  readonly payload: AppointmentPayloadV1;
}

const refusal = (code: string, message: string, field?: string): { refusal: Refusal } => ({
  refusal: { code, message, ...(field ? { extensions: { field } } : {}) },
});

/** The same rules as the queries: a doctor follows themself, a patient themself, STAFF anyone. */
function accept(args: AppointmentChangeArgs, viewer: Viewer | null, problem: string | undefined): { args: AppointmentChangeArgs } | { refusal: Refusal } {
  const given = [args.doctorId, args.patientId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) return refusal('BAD_USER_INPUT', 'doctorId, patientId: give exactly one of the two', 'doctorId');
  if (!viewer)
    return refusal(
      'UNAUTHENTICATED',
      problem ?? 'Sign in to follow appointments: send an access token in connection_init ({ "authorization": "Bearer ..." }).',
    );
  if (viewer.role === 'STAFF') return { args };
  if (args.doctorId && !(viewer.role === 'DOCTOR' && viewer.userId === args.doctorId))
    return refusal('FORBIDDEN', 'A doctor may follow only their own appointments.');
  if (args.patientId && !(viewer.role === 'PATIENT' && viewer.userId === args.patientId))
    return refusal('FORBIDDEN', 'A patient may follow only their own appointments.');
  return { args };
}

/** Every status change of one doctor's or one patient's appointments, read as the subscriber would read the appointment. */
export const appointmentChanged = liveField<AppointmentChangeArgs, AppointmentChangeEvent>({
  name: 'appointmentChanged',
  topics: [Topics.appointments],
  payload: { entityField: 'appointment', queryField: 'appointment', arguments: 'id' },
  accept: (args, viewer, problem) => accept(args as AppointmentChangeArgs, viewer, problem),
  async verify(args, viewer, read) {
    // Following a doctor who does not exist would be a silent stream: say so instead. (A doctor
    // following themself exists; skipping the lookup keeps their subscription from lagging.)
    if (!args.doctorId || args.doctorId === viewer?.userId) return null;
    const answer = await read('query($id: ID!) { doctor(id: $id) { id } }', { id: args.doctorId }, 'subscriber');
    if (answer.data?.['doctor']) return null;
    return { code: 'NOT_FOUND', message: `Doctor ${args.doctorId} was not found.`, extensions: { field: 'doctorId', id: args.doctorId } };
  },
  listensOn: (args) => [args.doctorId ? `doctor:${args.doctorId}` : `patient:${args.patientId ?? ''}`],
  // STAFF see every appointment alike; a doctor or a patient sees their own, so they group by account.
  scope: (_args, viewer) => (!viewer ? 'anonymous' : viewer.role === 'STAFF' ? 'STAFF' : `${viewer.role}:${viewer.userId}`),
  eventOf(envelope) {
    const action = (ActionOfEvent as Record<string, AppointmentChangeAction | undefined>)[envelope.type];
    return action ? { action, payload: parsePayloadV1(envelope, appointmentPayloadV1) } : null;
  },
  touches: ({ payload }) => [`doctor:${payload.doctorId}`, `patient:${payload.patientId}`],
  readingOf: (event) => ({ entityId: event.payload.appointmentId, statics: { action: event.action, __typename: 'AppointmentChange' } }),
});
