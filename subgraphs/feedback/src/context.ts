import { isUuid, type BaseContext } from '@medappt/platform';
import DataLoader from 'dataloader';
import type { FeedbackRow } from './db/schema.ts';
import type { FeedbackPolicy } from './domain/feedback-rules.ts';
import { NO_RATINGS, type RatingTotals } from './domain/rating-aggregate.ts';
import type { FeedbackDb } from './repository/db.ts';
import { ratingsOfDoctors, totalsOf } from './repository/doctor-ratings.ts';
import { feedbackOfAppointments } from './repository/feedback-entries.ts';

export interface FeedbackLoaders {
  readonly feedbackOfAppointment: DataLoader<string, FeedbackRow | null>;
  readonly ratingOfDoctor: DataLoader<string, RatingTotals>;
}

export interface FeedbackContext extends BaseContext {
  readonly db: FeedbackDb;
  readonly loaders: FeedbackLoaders;
  readonly policy: FeedbackPolicy;
  readonly now: () => Date;
}

/** Loaders live per request, so one request's batch never serves another's caller; a key that is not a UUID never reaches Postgres. */
export function createFeedbackContext(base: BaseContext, deps: { db: FeedbackDb; policy: FeedbackPolicy }): FeedbackContext {
  const { db } = deps;
  return {
    ...base,
    db,
    policy: deps.policy,
    now: () => new Date(),
    loaders: {
      feedbackOfAppointment: new DataLoader(async (keys) => {
        const ids = keys.map((key) => key.toLowerCase());
        const byAppointment = new Map((await feedbackOfAppointments(db, ids.filter(isUuid))).map((row) => [row.appointmentId, row]));
        return ids.map((id) => byAppointment.get(id) ?? null);
      }),
      ratingOfDoctor: new DataLoader(async (keys) => {
        const ids = keys.map((key) => key.toLowerCase());
        const byDoctor = new Map((await ratingsOfDoctors(db, ids.filter(isUuid))).map((row) => [row.doctorId, totalsOf(row)]));
        return ids.map((id) => byDoctor.get(id) ?? NO_RATINGS);
      }),
    },
  };
}
