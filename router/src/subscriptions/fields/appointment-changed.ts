import type { AppointmentPayloadV1, Viewer } from '@medappt/platform';

/** `appointmentChanged(doctorId, patientId)`: whose appointments a subscriber follows. */
export interface AppointmentChangeArgs {
  readonly doctorId?: string | null | undefined;
  readonly patientId?: string | null | undefined;
}

export interface Refusal {
  readonly code: 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN';
  readonly message: string;
  readonly field?: string;
}

/** The same rules as the queries: a doctor follows themself, a patient themself, STAFF anyone. */
export function appointmentChangeRefusal(viewer: Viewer | null, args: AppointmentChangeArgs, problem?: string): Refusal | null {
  const given = [args.doctorId, args.patientId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) return { code: 'BAD_USER_INPUT', field: 'doctorId', message: 'doctorId, patientId: give exactly one of the two' };
  if (!viewer) return { code: 'UNAUTHENTICATED', message: problem ?? 'Sign in to follow appointments: send an access token in connection_init ({ "authorization": "Bearer ..." }).' };
  if (viewer.role === 'STAFF') return null;
  if (args.doctorId && !(viewer.role === 'DOCTOR' && viewer.userId === args.doctorId)) return { code: 'FORBIDDEN', message: 'A doctor may follow only their own appointments.' };
  if (args.patientId && !(viewer.role === 'PATIENT' && viewer.userId === args.patientId)) return { code: 'FORBIDDEN', message: 'A patient may follow only their own appointments.' };
  return null;
}

/** The index keys an event reaches: its doctor's and its patient's followers. */
export function appointmentKeysOf(event: Pick<AppointmentPayloadV1, 'doctorId' | 'patientId'>): string[] {
  return [`doctor:${event.doctorId}`, `patient:${event.patientId}`];
}

export function appointmentKeyOf(args: AppointmentChangeArgs): string {
  return args.doctorId ? `doctor:${args.doctorId}` : `patient:${args.patientId ?? ''}`;
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
