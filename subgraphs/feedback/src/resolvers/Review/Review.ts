import type { ReviewResolvers } from '../../generated/resolvers-types.ts';
import { commentFor, visitMonth } from '../../domain/feedback-visibility.ts';

// The public view: the comment as anyone (not its author, not STAFF) would see it.
export const Review: ReviewResolvers = {
  comment: (row) => commentFor(null, row),
  commentHidden: (row) => row.hiddenAt !== null,
  visitMonth: (row) => visitMonth(row.visitStartAt, row.visitTimeZone),
};
