import { checkOptionalText } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { checkRange, MAX_SEARCH_DAYS, searchSlots, slotLimit } from '../../slots.ts';
import { visibleAppointment } from '../../views.ts';

export const Query: QueryResolvers = {
  availableSlots: (_p, args, ctx) => {
    checkRange(args.from, args.to, MAX_SEARCH_DAYS);
    return searchSlots(ctx.db, {
      serviceId: args.serviceId,
      from: args.from,
      to: args.to,
      now: ctx.now(),
      specialty: checkOptionalText('specialty', args.specialty, 'search'),
      doctorIds: args.doctorId ? [args.doctorId] : null,
      limit: slotLimit(args.first, 100),
    });
  },
  appointment: (_p, { id }, ctx) => visibleAppointment(ctx, id),
};
