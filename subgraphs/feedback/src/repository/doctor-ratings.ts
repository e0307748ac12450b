import { inArray, sql } from 'drizzle-orm';
import { doctorRatings, type DoctorRatingRow } from '../db/schema.ts';
import type { RatingTotals } from '../domain/rating-aggregate.ts';
import type { FeedbackDbOrTx, FeedbackTx } from './db.ts';

function columnsOf(totals: RatingTotals) {
  const [overall1, overall2, overall3, overall4, overall5] = totals.overallCounts;
  return {
    count: totals.count,
    overallSum: totals.overallSum,
    overall1,
    overall2,
    overall3,
    overall4,
    overall5,
    bedsideMannerCount: totals.bedsideMannerCount,
    bedsideMannerSum: totals.bedsideMannerSum,
    waitTimeCount: totals.waitTimeCount,
    waitTimeSum: totals.waitTimeSum,
  };
}

export function totalsOf(row: DoctorRatingRow): RatingTotals {
  return {
    count: row.count,
    overallSum: row.overallSum,
    overallCounts: [row.overall1, row.overall2, row.overall3, row.overall4, row.overall5],
    bedsideMannerCount: row.bedsideMannerCount,
    bedsideMannerSum: row.bedsideMannerSum,
    waitTimeCount: row.waitTimeCount,
    waitTimeSum: row.waitTimeSum,
  };
}

/**
 * Adds a change to the doctor's totals in the caller's transaction. Increments, not a read and a
 * write, so ratings of one doctor committed at the same time all count.
 */
export async function addToDoctorRating(tx: FeedbackTx, doctorId: string, delta: RatingTotals): Promise<void> {
  const values = columnsOf(delta);
  const set = Object.fromEntries(
    Object.keys(values).map((key) => {
      const column = doctorRatings[key as keyof typeof values];
      return [key, sql`${column} + excluded.${sql.identifier(column.name)}`];
    }),
  );
  await tx
    .insert(doctorRatings)
    .values({ doctorId, ...values })
    .onConflictDoUpdate({ target: doctorRatings.doctorId, set });
}

export async function ratingsOfDoctors(db: FeedbackDbOrTx, doctorIds: readonly string[]): Promise<DoctorRatingRow[]> {
  if (doctorIds.length === 0) return [];
  return db
    .select()
    .from(doctorRatings)
    .where(inArray(doctorRatings.doctorId, [...doctorIds]));
}
