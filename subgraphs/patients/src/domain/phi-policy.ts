import type { Viewer } from '@medappt/platform';

/**
 * Who may do what with a patient's data. Pure: the caller supplies whether the viewer, if a
 * doctor, has (or had) a care relation with the patient.
 *
 * | role    | profile            | record (read)  | record (write) | profile (edit) |
 * |---------|--------------------|----------------|----------------|----------------|
 * | PATIENT | own                | own            | no             | own            |
 * | DOCTOR  | with care relation | with relation  | with relation  | no             |
 * | STAFF   | all                | no             | no             | all            |
 * | ADMIN   | all                | no             | no             | no             |
 */
export type Decision = { allowed: true } | { allowed: false; reason: 'NOT_OWN_RECORD' | 'NO_CARE_RELATION' | 'ROLE_MAY_NOT' };

const allow: Decision = { allowed: true };
const deny = (reason: Exclude<Decision, { allowed: true }>['reason']): Decision => ({ allowed: false, reason });

export interface Subject {
  patientId: string;
  /** For a DOCTOR viewer: has or had an appointment with this patient. */
  careRelation: boolean;
}

export function mayReadProfile(viewer: Viewer, subject: Subject): Decision {
  switch (viewer.role) {
    case 'PATIENT':
      return viewer.userId === subject.patientId ? allow : deny('NOT_OWN_RECORD');
    case 'DOCTOR':
      return subject.careRelation ? allow : deny('NO_CARE_RELATION');
    case 'STAFF':
    case 'ADMIN':
      return allow;
  }
}

export function mayReadRecord(viewer: Viewer, subject: Subject): Decision {
  switch (viewer.role) {
    case 'PATIENT':
      return viewer.userId === subject.patientId ? allow : deny('NOT_OWN_RECORD');
    case 'DOCTOR':
      return subject.careRelation ? allow : deny('NO_CARE_RELATION');
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
