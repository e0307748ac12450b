import { notFound, rejectProblems, requireViewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { idProblems } from '../domain/ids.ts';
import { deleteWaitlistEntry, findWaitlistEntry } from '../repository/waitlist.ts';

/** The patient (or staff) takes an entry off the waitlist; someone else's entry does not exist for them. */
export async function leaveWaitlist(ctx: AppointmentsContext, input: { id: string }): Promise<boolean> {
  const viewer = requireViewer(ctx.auth);
  rejectProblems(idProblems({ id: input.id }));
  const entry = await findWaitlistEntry(ctx.db, input.id);
  if (!entry || (viewer.role !== 'STAFF' && entry.patientId !== viewer.userId)) throw notFound('Waitlist entry', input.id);
  await deleteWaitlistEntry(ctx.db, input.id);
  return true;
}
