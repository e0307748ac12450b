import { badUserInput, decodeCursor, isUuid, pageSize, toConnection, type Connection } from '@medappt/platform';
import type { FeedbackContext } from '../context.ts';
import type { FeedbackRow } from '../db/schema.ts';
import { reviewsOfDoctor } from '../repository/feedback-entries.ts';

/** Doctor.reviews: newest first, by a sequence number (a timestamp in a cursor would date the visit). */
export async function listDoctorReviews(
  ctx: FeedbackContext,
  doctorId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<FeedbackRow>> {
  const size = pageSize(args.first);
  const key = decodeCursor(args.after);
  const [seq] = key ?? [];
  if (key && (key.length !== 1 || typeof seq !== 'number' || !Number.isSafeInteger(seq))) {
    throw badUserInput('after', 'is not a cursor of this list; pass an endCursor from a previous page');
  }
  if (!isUuid(doctorId)) return toConnection([], size, () => []);
  const rows = await reviewsOfDoctor(ctx.db, doctorId.toLowerCase(), { beforeSeq: (seq as number | undefined) ?? null, limit: size + 1 });
  return toConnection(rows, size, (row) => [row.seq]);
}
