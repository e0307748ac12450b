import { renderedOnce, sqlLiterals } from '@medappt/platform';
import { and, asc, eq, inArray, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
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
  await fulfilStatement(db, fulfilValues(booked));
}

type Booked = { id: string; patientId: string; serviceId: string; doctorId: string; startAt: Date; endAt: Date };
export type FulfilValues = Record<keyof Booked | 'fulfilledAt', string>;

export const fulfilValues = (booked: Booked): FulfilValues => ({
  id: booked.id,
  patientId: booked.patientId,
  serviceId: booked.serviceId,
  doctorId: booked.doctorId,
  startAt: booked.startAt.toISOString(),
  endAt: booked.endAt.toISOString(),
  fulfilledAt: new Date().toISOString(),
});

/** fulfilWaitlist's update over placeholders (renderedOnce); `onlyIf` guards it where one statement books and fulfils at once. */
export const fulfilWaitlistSql = (p: { readonly [K in keyof FulfilValues]: Placeholder }, onlyIf: SQL = sql`true`): SQL => sql`
  update ${waitlist} set status = 'FULFILLED', fulfilled_at = ${p.fulfilledAt}::timestamptz, fulfilled_appointment_id = ${p.id}::uuid
  where patient_id = ${p.patientId}::uuid and service_id = ${p.serviceId}::uuid and status in (${sqlLiterals(ACTIVE)})
    and (doctor_id is null or doctor_id = ${p.doctorId}::uuid) and window_start <= ${p.startAt}::timestamptz and window_end >= ${p.endAt}::timestamptz
    and ${onlyIf}`;

const fulfilStatement = renderedOnce<FulfilValues>((p) => fulfilWaitlistSql(p));

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
