import { isIanaTimeZone, wallMsOf } from '@medappt/platform/domain';

/** Who is reading (the domain's view of the platform's Viewer). */
export interface Reader {
  readonly userId: string;
  readonly role: string;
}

export interface FeedbackFacts {
  readonly patientId: string;
  readonly doctorId: string;
  readonly comment: string | null;
  readonly hiddenAt: Date | null;
}

/** A visit's feedback is for its patient, its doctor and STAFF; for anyone else it is not there. */
export function mayReadFeedback(reader: Reader | null, feedback: FeedbackFacts): boolean {
  if (!reader) return false;
  return reader.role === 'STAFF' || reader.userId === feedback.patientId || reader.userId === feedback.doctorId;
}

/**
 * A hidden comment stays readable to the patient who wrote it and to STAFF (who decide on it),
 * and no longer reaches the doctor or the public: hiding is for abuse.
 */
export function commentFor(reader: Reader | null, feedback: FeedbackFacts): string | null {
  if (!feedback.hiddenAt) return feedback.comment;
  if (reader && (reader.role === 'STAFF' || reader.userId === feedback.patientId)) return feedback.comment;
  return null;
}

/** Why it was hidden: STAFF only (the reason is about the patient's words). */
export function hiddenReasonFor(reader: Reader | null, feedback: { hiddenReason: string | null }): string | null {
  return reader?.role === 'STAFF' ? feedback.hiddenReason : null;
}

/**
 * The month of the visit (YYYY-MM) where it took place: what a public review says of when, since
 * an exact date next to a doctor's name can tell who the patient was.
 */
export function visitMonth(startAt: Date, timeZone: string): string {
  // Older appointment events may lack the zone: the month in UTC is then off by at most a day's edge.
  const zone = isIanaTimeZone(timeZone) ? timeZone : 'UTC';
  return new Date(wallMsOf(zone, startAt.getTime())).toISOString().slice(0, 7);
}
