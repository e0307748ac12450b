import type { SlotWindowResolvers } from '../../generated/resolvers-types.ts';
import { listWindowSlots } from '../../use-cases/list-window-slots.ts';

export const SlotWindow: SlotWindowResolvers = {
  doctor: (w) => ({ id: w.doctorId }),
  service: (w) => (w.serviceId ? { id: w.serviceId } : null),
  slots: (w, _args, ctx) => listWindowSlots(ctx, w),
};
