import { managesHoursOf } from '../../domain/access.ts';
import type { TimeOffResolvers } from '../../generated/resolvers-types.ts';

export const TimeOff: TimeOffResolvers = {
  start: (t) => t.startAt,
  end: (t) => t.endAt,
  // The period is public (it is why there are no slots); why the doctor is away is theirs.
  reason: (t, _args, ctx) => (managesHoursOf(ctx.auth.viewer, t.doctorId) ? t.reason : null),
};
