import type { AppointmentsContext } from '../context.ts';
import { activeServicesAmong } from '../repository/catalogue.ts';
import type { SlotWindowModel } from './open-slot-window.ts';
import { MAX_SLOTS, searchSlots, type SlotModel } from './slot-search.ts';

/** `SlotWindow.slots`: the window's free slots, earliest first; for several services, each service's own grid. */
export async function listWindowSlots(ctx: AppointmentsContext, window: SlotWindowModel): Promise<SlotModel[]> {
  const now = ctx.now();
  // An explicit service was checked active; of the doctor's list, a retired one simply has no slots.
  const serviceIds = window.serviceId ? [window.serviceId] : (await activeServicesAmong(ctx.db, window.serviceIds)).map((s) => s.id);
  const perService = await Promise.all(
    serviceIds.map((serviceId) => searchSlots(ctx.db, { serviceId, from: window.from, to: window.to, now, doctorIds: [window.doctorId], limit: MAX_SLOTS })),
  );
  const slots = perService.flat();
  if (perService.length > 1)
    slots.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0));
  return slots.slice(0, MAX_SLOTS);
}
