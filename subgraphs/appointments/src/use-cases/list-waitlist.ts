import { forbidden, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import type { WaitlistRow } from '../db/schema.ts';
import { patientRecordsRefusal } from '../domain/access.ts';
import type { PatientWaitlistArgs } from '../generated/resolvers-types.ts';
import { waitlistOf } from '../repository/waitlist.ts';

/** A patient's entries (active ones unless asked otherwise); `patientId` is their account id (adr/005), so `User.waitlist` needs no profile. */
export async function listWaitlist(ctx: AppointmentsContext, input: PatientWaitlistArgs & { patientId: string }): Promise<WaitlistRow[]> {
  const refusal = patientRecordsRefusal(requireViewer(ctx.auth), input.patientId, 'waitlist');
  if (refusal) throw forbidden(refusal);
  return waitlistOf(ctx.db, input.patientId, input.status?.length ? input.status : ['WAITING', 'OFFERED']);
}
