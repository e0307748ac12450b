import type { FeedbackContext } from '../context.ts';
import type { FeedbackRow } from '../db/schema.ts';
import { mayReadFeedback } from '../domain/feedback-visibility.ts';

/** Appointment.feedback: for the patient, the doctor of the visit and STAFF; null for anyone else, as for a visit without feedback. */
export async function readAppointmentFeedback(ctx: FeedbackContext, appointmentId: string): Promise<FeedbackRow | null> {
  const row = await ctx.loaders.feedbackOfAppointment.load(appointmentId);
  return row && mayReadFeedback(ctx.auth.viewer, row) ? row : null;
}
