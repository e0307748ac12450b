import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
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

/** Availability of each doctor with the time off that overlaps [from, to); doctors without hours are absent. */
export async function availabilityOf(db: AppointmentsDbOrTx, doctorIds: string[], window?: { from: Date; to: Date }): Promise<Map<string, Availability & { row: AvailabilityRow; timeOffRows: TimeOffRow[] }>> {
  if (doctorIds.length === 0) return new Map();
  const [rows, offs] = await Promise.all([
    db.select().from(availabilities).where(inArray(availabilities.doctorId, doctorIds)),
    db
      .select()
      .from(timeOff)
      .where(and(inArray(timeOff.doctorId, doctorIds), ...(window ? [lt(timeOff.startAt, window.to), gt(timeOff.endAt, window.from)] : [])))
      .orderBy(asc(timeOff.startAt)),
  ]);
  return new Map(
    rows.map((row) => {
      const timeOffRows = offs.filter((o) => o.doctorId === row.doctorId);
      return [
        row.doctorId,
        {
          row,
          timeOffRows,
          timeZone: row.timeZone,
          rules: row.rules,
          bufferBeforeMinutes: row.bufferBeforeMinutes,
          bufferAfterMinutes: row.bufferAfterMinutes,
          minimumNoticeMinutes: row.minimumNoticeMinutes,
          bookingHorizonDays: row.bookingHorizonDays,
          timeOff: timeOffRows.map((o) => ({ start: o.startAt, end: o.endAt })),
        },
      ];
    }),
  );
}
