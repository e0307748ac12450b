import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { groupByKeys } from '@medappt/platform';
import { availabilities, timeOff, type AvailabilityRow, type TimeOffRow } from '../db/schema.ts';
import type { Availability } from '../domain/availability.ts';
import type { AppointmentsDbOrTx } from './db.ts';

export async function saveAvailability(db: AppointmentsDbOrTx, row: typeof availabilities.$inferInsert): Promise<AvailabilityRow> {
  const [saved] = await db
    .insert(availabilities)
    .values(row)
    .onConflictDoUpdate({ target: availabilities.doctorId, set: { ...row, updatedAt: new Date() } })
    .returning();
  if (!saved) throw new Error('availability upsert returned nothing');
  return saved;
}

export async function insertTimeOff(db: AppointmentsDbOrTx, row: typeof timeOff.$inferInsert): Promise<TimeOffRow> {
  const [saved] = await db.insert(timeOff).values(row).returning();
  if (!saved) throw new Error('time off insert returned nothing');
  return saved;
}

export async function deleteTimeOff(db: AppointmentsDbOrTx, id: string): Promise<TimeOffRow | null> {
  const [row] = await db.delete(timeOff).where(eq(timeOff.id, id)).returning();
  return row ?? null;
}

export async function findTimeOff(db: AppointmentsDbOrTx, id: string): Promise<TimeOffRow | null> {
  const [row] = await db.select().from(timeOff).where(eq(timeOff.id, id)).limit(1);
  return row ?? null;
}

export function availabilityRowsOf(db: AppointmentsDbOrTx, doctorIds: readonly string[]): Promise<AvailabilityRow[]> {
  return db
    .select()
    .from(availabilities)
    .where(inArray(availabilities.doctorId, [...doctorIds]));
}

/** Time off of the doctors, earliest first; only what overlaps `window` when given. */
export function timeOffOf(db: AppointmentsDbOrTx, doctorIds: readonly string[], window?: { from: Date; to: Date }): Promise<TimeOffRow[]> {
  return db
    .select()
    .from(timeOff)
    .where(and(inArray(timeOff.doctorId, [...doctorIds]), ...(window ? [lt(timeOff.startAt, window.to), gt(timeOff.endAt, window.from)] : [])))
    .orderBy(asc(timeOff.startAt));
}

/** Availability of each doctor with the time off that overlaps [from, to); doctors without hours are absent. */
export async function availabilityOf(db: AppointmentsDbOrTx, doctorIds: string[], window?: { from: Date; to: Date }): Promise<Map<string, Availability>> {
  if (doctorIds.length === 0) return new Map();
  const [rows, offs] = await Promise.all([availabilityRowsOf(db, doctorIds), timeOffOf(db, doctorIds, window)]);
  const offsByDoctor = groupByKeys(
    rows.map((row) => row.doctorId),
    offs,
    (o) => o.doctorId,
  );
  return new Map(
    rows.map((row, i) => [
      row.doctorId,
      {
        timeZone: row.timeZone,
        rules: row.rules,
        bufferBeforeMinutes: row.bufferBeforeMinutes,
        bufferAfterMinutes: row.bufferAfterMinutes,
        minimumNoticeMinutes: row.minimumNoticeMinutes,
        bookingHorizonDays: row.bookingHorizonDays,
        timeOff: offsByDoctor[i]!.map((o) => ({ start: o.startAt, end: o.endAt })),
      },
    ]),
  );
}
