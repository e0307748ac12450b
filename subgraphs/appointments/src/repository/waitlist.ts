import { asc, eq, sql } from 'drizzle-orm';
import { waitlist, type WaitlistRow } from '../db/schema.ts';
import type { AppointmentsDbOrTx } from './db.ts';

export async function insertWaitlistEntry(db: AppointmentsDbOrTx, entry: typeof waitlist.$inferInsert): Promise<WaitlistRow> {
  const [row] = await db.insert(waitlist).values(entry).returning();
  if (!row) throw new Error('waitlist insert returned nothing');
  return row;
}

export async function waitlistOf(db: AppointmentsDbOrTx, patientId: string): Promise<WaitlistRow[]> {
  return db.select().from(waitlist).where(eq(waitlist.patientId, patientId)).orderBy(asc(waitlist.createdAt));
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
    .set({ offeredAt: new Date(), offeredStart: freed.start, offeredDoctorId: freed.doctorId })
    .where(
      eq(
        waitlist.id,
        sql`(select id from ${waitlist}
              where offered_at is null and service_id = ${freed.serviceId}::uuid
                and (doctor_id is null or doctor_id = ${freed.doctorId}::uuid)
                and window_start <= ${freed.start.toISOString()}::timestamptz and window_end >= ${freed.end.toISOString()}::timestamptz
                and patient_id <> ${freed.exceptPatientId}::uuid
              order by created_at, id limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

