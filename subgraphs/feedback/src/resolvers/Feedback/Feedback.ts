import type { FeedbackResolvers } from '../../generated/resolvers-types.ts';
import { periodOf } from '../../domain/feedback-rules.ts';
import { commentFor, hiddenReasonFor } from '../../domain/feedback-visibility.ts';

export const Feedback: FeedbackResolvers = {
  appointment: (row) => ({ id: row.appointmentId }),
  doctor: (row) => ({ id: row.doctorId }),
  comment: (row, _args, ctx) => commentFor(ctx.auth.viewer, row),
  commentHidden: (row) => row.hiddenAt !== null,
  hiddenReason: (row, _args, ctx) => hiddenReasonFor(ctx.auth.viewer, row),
  editableUntil: (row, _args, ctx) => periodOf(row.submittedAt, ctx.policy.editDays, ctx.now()).closesAt,
};
