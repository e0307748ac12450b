import type { AppointmentStatus } from '@medappt/platform';

/**
 * Does an appointment in this state make its doctor one of the patient's doctors? A pending
 * request does (the doctor must be able to judge it), a confirmed or finished visit does, and
 * keeps doing so after a later cancellation if it was ever confirmed. A request that was
 * declined or withdrawn before confirmation does not.
 */
export function grantsCareAccess(status: AppointmentStatus, everConfirmed: boolean): boolean {
  switch (status) {
    case 'REQUESTED':
    case 'CONFIRMED':
    case 'COMPLETED':
    case 'NO_SHOW':
      return true;
    case 'DECLINED':
    case 'CANCELLED':
      return everConfirmed;
  }
}

export const ACCESS_GRANTING_STATUSES: readonly AppointmentStatus[] = ['REQUESTED', 'CONFIRMED', 'COMPLETED', 'NO_SHOW'];
