import { bookAppointment } from '../../booking.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { approveEach, reschedule, transition } from '../../workflow.ts';
import { setClinicPolicy } from '../../clinic-policy.ts';
import { joinWaitlist, leaveWaitlist } from '../../waitlist.ts';
import { addTimeOff, removeTimeOff, setAvailability } from '../../working-hours.ts';

export const Mutation: MutationResolvers = {
  setAvailability: (_p, { input }, ctx) => setAvailability(ctx, input),
  addTimeOff: (_p, { input }, ctx) => addTimeOff(ctx, input),
  removeTimeOff: (_p, { id }, ctx) => removeTimeOff(ctx, id),
  bookAppointment: (_p, { input }, ctx) => bookAppointment(ctx, input),
  approveAppointment: (_p, { id }, ctx) => transition(ctx, id, 'APPROVE'),
  declineAppointment: (_p, { id, reason }, ctx) => transition(ctx, id, 'DECLINE', { reason }),
  cancelAppointment: (_p, { id, reason, override }, ctx) => transition(ctx, id, 'CANCEL', { reason, override: override ?? null }),
  completeAppointment: (_p, { id, override }, ctx) => transition(ctx, id, 'COMPLETE', { override: override ?? null }),
  markNoShow: (_p, { id }, ctx) => transition(ctx, id, 'MARK_NO_SHOW'),
  joinWaitlist: (_p, { input }, ctx) => joinWaitlist(ctx, input),
  leaveWaitlist: (_p, { id }, ctx) => leaveWaitlist(ctx, id),
  setClinicPolicy: (_p, { input }, ctx) => setClinicPolicy(ctx, input),
  rescheduleAppointment: (_p, args, ctx) =>
    reschedule(ctx, args.id, { start: args.start, doctorId: args.doctorId ?? null, serviceId: args.serviceId ?? null, reason: args.reason ?? null, override: args.override ?? null }),
  approveAppointments: (_p, { ids }, ctx) => approveEach(ctx, ids),
};
