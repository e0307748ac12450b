/**
 * Who may see and change what, by role and by their part in it. Pure: a yes or no, or the
 * refusal in words; the use case turns a refusal into FORBIDDEN.
 */

/** The roles of the platform's accounts (its auth module lists the same). */
export type Role = 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN';

/** The signed-in caller, as the rules here see them. */
export interface Caller {
  role: Role;
  userId: string;
}

/** The appointment's patient, its doctor, and staff see it; to anyone else it does not exist. */
export function maySeeAppointment(caller: Caller | null, appointment: { patientId: string; doctorId: string }): boolean {
  if (!caller) return false;
  return caller.role === 'STAFF' || caller.userId === appointment.patientId || caller.userId === appointment.doctorId;
}

/** A doctor manages their own hours (and sees why they are away); staff anyone's. */
export function managesHoursOf(caller: Caller | null, doctorId: string): boolean {
  return caller?.role === 'STAFF' || (caller?.role === 'DOCTOR' && caller.userId === doctorId);
}

/** A doctor's schedule and pending requests: the doctor, staff, and admins (who run the accounts). */
export function doctorScheduleRefusal(caller: Caller, doctorId: string): string | null {
  if (caller.role === 'STAFF' || caller.role === 'ADMIN' || caller.userId === doctorId) return null;
  return "Only the doctor and clinic staff see a doctor's schedule.";
}

/** The front desk runs the whole clinic; a doctor has their own schedule, an admin runs accounts, not the calendar. */
export function clinicScheduleRefusal(caller: Caller): string | null {
  return caller.role === 'STAFF' ? null : "Only clinic staff see a clinic's schedule and pending requests.";
}

/** What is a patient's own (their appointments, their waitlist): the patient and staff. */
export function patientRecordsRefusal(caller: Caller, patientId: string, what: string): string | null {
  return caller.role === 'STAFF' || caller.userId === patientId ? null : `Only the patient and clinic staff see a patient's ${what}.`;
}
