import type { CareAccess, Role } from './care-relation.ts';

/** Who asks: the platform's Viewer, as far as these rules look at it. */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
}

/**
 * Who may do what with a patient's data. Pure: the caller supplies, for a doctor viewer, what
 * their appointments with the patient grant (domain/care-relation.ts).
 *
 * | role    | profile (id, name) | details (birth date, sex, contact) | record (read/write) | profile (edit) |
 * |---------|--------------------|------------------------------------|---------------------|----------------|
 * | PATIENT | own                | own                                | own / no            | own            |
 * | DOCTOR  | care: profile      | care: profile                      | care: record        | no             |
 * | STAFF   | all                | all                                | no                  | all            |
 * | ADMIN   | all                | no                                 | no                  | no             |
 *
 * ADMIN administers accounts: it finds a patient's account by name, nothing more (docs/adr/011).
 */
export type Decision = { allowed: true } | { allowed: false; reason: 'NOT_OWN_RECORD' | 'NO_CARE_RELATION' | 'ROLE_MAY_NOT' };

const allow: Decision = { allowed: true };
const deny = (reason: Exclude<Decision, { allowed: true }>['reason']): Decision => ({ allowed: false, reason });

export interface Subject {
  patientId: string;
  /** For a DOCTOR viewer: what their appointments with this patient grant. */
  care: CareAccess;
}

export function mayReadProfile(viewer: Viewer, subject: Subject): Decision {
  switch (viewer.role) {
    case 'PATIENT':
      return viewer.userId === subject.patientId ? allow : deny('NOT_OWN_RECORD');
    case 'DOCTOR':
      return subject.care.profile ? allow : deny('NO_CARE_RELATION');
    case 'STAFF':
    case 'ADMIN':
      return allow;
  }
}

/** Birth date, sex, phone, email, emergency contact: PHI beyond knowing who the account is. */
export function mayReadProfileDetails(viewer: Viewer, subject: Subject): Decision {
  return viewer.role === 'ADMIN' ? deny('ROLE_MAY_NOT') : mayReadProfile(viewer, subject);
}

export function mayReadRecord(viewer: Viewer, subject: Subject): Decision {
  switch (viewer.role) {
    case 'PATIENT':
      return viewer.userId === subject.patientId ? allow : deny('NOT_OWN_RECORD');
    case 'DOCTOR':
      return subject.care.record ? allow : deny('NO_CARE_RELATION');
    case 'STAFF':
    case 'ADMIN':
      return deny('ROLE_MAY_NOT');
  }
}

export function mayWriteRecord(viewer: Viewer, subject: Subject): Decision {
  return viewer.role === 'DOCTOR' ? mayReadRecord(viewer, subject) : deny('ROLE_MAY_NOT');
}

export function mayEditProfile(viewer: Viewer, subject: Pick<Subject, 'patientId'>): Decision {
  switch (viewer.role) {
    case 'PATIENT':
      return viewer.userId === subject.patientId ? allow : deny('NOT_OWN_RECORD');
    case 'STAFF':
      return allow;
    case 'DOCTOR':
    case 'ADMIN':
      return deny('ROLE_MAY_NOT');
  }
}

/** Viewers for whom the care relation matters; for others the lookup can be skipped. */
export const needsCareRelation = (viewer: Viewer): boolean => viewer.role === 'DOCTOR';
