import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { waitlist, type WaitlistRow } from '../db/schema.ts';
import type { AppointmentsDbOrTx } from './db.ts';

type WaitlistStatus = WaitlistRow['status'];
const ACTIVE: WaitlistStatus[] = ['WAITING', 'OFFERED'];

/** Inserts the entry, or returns the active one with the same patient, service, doctor and window (the unique index decides, also under races). */
export async function insertWaitlistEntry(db: AppointmentsDbOrTx, entry: typeof waitlist.$inferInsert & { doctorId: string | null }): Promise<WaitlistRow> {
  const [row] = await db.insert(waitlist).values(entry).onConflictDoNothing().returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(waitlist)
    .where(
      and(
        eq(waitlist.patientId, entry.patientId),
        eq(waitlist.serviceId, entry.serviceId),
        entry.doctorId ? eq(waitlist.doctorId, entry.doctorId) : isNull(waitlist.doctorId),
        eq(waitlist.windowStart, entry.windowStart),
        eq(waitlist.windowEnd, entry.windowEnd),
        inArray(waitlist.status, ACTIVE),
      ),
    )
    .limit(1);
  if (!existing) throw new Error('waitlist insert conflicted with no active entry');
  return existing;
}

export async function waitlistOf(db: AppointmentsDbOrTx, patientId: string, statuses: readonly WaitlistStatus[]): Promise<WaitlistRow[]> {
  return db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.patientId, patientId), inArray(waitlist.status, [...statuses])))
    .orderBy(asc(waitlist.createdAt), asc(waitlist.id));
}

/**
 * The patient has a time in a window they were waiting for: those waits are over. Any booking
 * counts, not only the offered time: whichever way they got it, they no longer wait.
 */
export async function fulfilWaitlist(db: AppointmentsDbOrTx, booked: Booked): Promise<void> {
  await fulfilWaitlistUpdate(db, booked);
}

type Booked = { id: string; patientId: string; serviceId: string; doctorId: string; startAt: Date; endAt: Date };

/** fulfilWaitlist's update, not yet sent: `onlyIf` guards it where a statement books and fulfils at once. */
export function fulfilWaitlistUpdate(db: AppointmentsDbOrTx, booked: Booked, onlyIf?: SQL) {
  return db
    .update(waitlist)
    .set({ status: 'FULFILLED', fulfilledAt: new Date(), fulfilledAppointmentId: booked.id })
    .where(
      and(
        eq(waitlist.patientId, booked.patientId),
        eq(waitlist.serviceId, booked.serviceId),
        inArray(waitlist.status, ACTIVE),
        or(isNull(waitlist.doctorId), eq(waitlist.doctorId, booked.doctorId)),
        lte(waitlist.windowStart, booked.startAt),
        gte(waitlist.windowEnd, booked.endAt),
        onlyIf,
      ),
    );
}

export async function findWaitlistEntry(db: AppointmentsDbOrTx, id: string): Promise<WaitlistRow | null> {
  const [row] = await db.select().from(waitlist).where(eq(waitlist.id, id)).limit(1);
  return row ?? null;
}

export async function deleteWaitlistEntry(db: AppointmentsDbOrTx, id: string): Promise<void> {
  await db.delete(waitlist).where(eq(waitlist.id, id));
}

/**
 * Offers a freed time to the longest-waiting matching entry, marking it in the same transaction
 * as the change that freed it. SKIP LOCKED: two slots freed at once go to two different people.
 */
export async function offerToFirstWaiting(
  db: AppointmentsDbOrTx,
  freed: { doctorId: string; serviceId: string; start: Date; end: Date; exceptPatientId: string },
): Promise<WaitlistRow | null> {
  const [row] = await db
    .update(waitlist)
    .set({ status: 'OFFERED', offeredAt: new Date(), offeredStart: freed.start, offeredDoctorId: freed.doctorId })
    .where(
      eq(
        waitlist.id,
        sql`(select id from ${waitlist}
              where status = 'WAITING' and service_id = ${freed.serviceId}::uuid
                and (doctor_id is null or doctor_id = ${freed.doctorId}::uuid)
                and window_start <= ${freed.start.toISOString()}::timestamptz and window_end >= ${freed.end.toISOString()}::timestamptz
                and patient_id <> ${freed.exceptPatientId}::uuid
              order by created_at, id limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}
