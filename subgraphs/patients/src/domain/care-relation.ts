/**
 * The platform's roles and appointment statuses, restated because src/domain imports only
 * @medappt/platform/domain (adr/013). The platform's viewers, rows and event payloads are passed
 * in as they are, so a role or status added there fails typecheck where they meet these.
 */
export type Role = 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN';
export type AppointmentStatus = 'REQUESTED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED' | 'COMPLETED' | 'NO_SHOW';

/** How long after the end of the last visit a doctor keeps reading the record (CARE_ACCESS_DAYS). */
export const DEFAULT_CARE_ACCESS_DAYS = 90;

/** One appointment between a doctor and a patient, as the care read model knows it. */
export interface CareAppointment {
  status: AppointmentStatus;
  /** Who put it into REQUESTED last (a booking, or a patient moving a confirmed visit); null if unknown. */
  requestedBy: Role | null;
  endAt: Date;
}

/** What the doctor of these appointments may see of the patient. */
export interface CareAccess {
  /** The profile (name, birth date, contact): who is coming. */
  profile: boolean;
  /** The medical record, read and write. */
  record: boolean;
}

export const NO_CARE: CareAccess = { profile: false, record: false };

/**
 * Access follows care, not a booking (docs/adr/011):
 *
 * | status     | record                                   | profile           |
 * |------------|------------------------------------------|-------------------|
 * | REQUESTED  | requested by the patient, until its end  | yes               |
 * | CONFIRMED  | until end + window                       | yes               |
 * | COMPLETED  | until end + window                       | until end + window|
 * | NO_SHOW    | until end + window                       | until end + window|
 * | DECLINED   | no                                       | no                |
 * | CANCELLED  | no                                       | no                |
 *
 * A request staff made for a patient grants no record until the doctor or staff confirm it: anyone
 * could otherwise open any record by booking it. A request whose time has passed unapproved can no
 * longer be approved and grants nothing. A cancelled or declined appointment was never a visit.
 * The doctor of any appointment between them keeps the access the best one gives.
 */
export function careAccess(appointments: readonly CareAppointment[], now: Date, windowDays: number): CareAccess {
  const access = { profile: false, record: false };
  const windowMs = windowDays * 86_400_000;
  for (const a of appointments) {
    const withinWindow = now.getTime() < a.endAt.getTime() + windowMs;
    switch (a.status) {
      case 'REQUESTED':
        access.profile = true;
        if (a.requestedBy === 'PATIENT' && now < a.endAt) access.record = true;
        break;
      case 'CONFIRMED':
        access.profile = true;
        if (withinWindow) access.record = true;
        break;
      case 'COMPLETED':
      case 'NO_SHOW':
        if (withinWindow) access.profile = access.record = true;
        break;
      case 'DECLINED':
      case 'CANCELLED':
        break;
    }
  }
  return access;
}

/** What the read model keeps of an appointment after one of its events; `requestedBy` undefined: keep the one known. */
export interface CareState {
  doctorId: string;
  status: AppointmentStatus;
  requestedBy: Role | null | undefined;
}

/**
 * One row per appointment, held by its current doctor. A move to another doctor is two things
 * at once (docs/adr/011): for the previous doctor a cancellation before any visit, so the row
 * leaves them and grants them nothing more; for the new doctor a fresh request by whoever made
 * the move, never a visit they agreed to (the record opens only if the patient asked, until
 * the new doctor or staff confirm it).
 */
export function careStateAfter(event: {
  doctorId: string;
  status: AppointmentStatus;
  actorRole?: Role | undefined;
  previousDoctorId?: string | null | undefined;
}): CareState {
  const changesDoctor = Boolean(event.previousDoctorId) && event.previousDoctorId !== event.doctorId;
  if (changesDoctor) {
    // The producer makes a doctor change REQUESTED; a CONFIRMED one would be a visit nobody agreed to for this doctor.
    const status = event.status === 'CONFIRMED' ? 'REQUESTED' : event.status;
    return { doctorId: event.doctorId, status, requestedBy: status === 'REQUESTED' ? (event.actorRole ?? null) : undefined };
  }
  // Who asked matters only while it is a request; a later event that keeps it REQUESTED (a move) says who asked again.
  return { doctorId: event.doctorId, status: event.status, requestedBy: event.status === 'REQUESTED' ? (event.actorRole ?? null) : undefined };
}
