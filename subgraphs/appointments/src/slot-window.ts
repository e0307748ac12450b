import { badUserInput, notFound } from '@medappt/platform';
import { checkId, checkOptionalId } from './ids.ts';
import { activeService, checkRange, MAX_SEARCH_DAYS, MAX_SLOTS, searchSlots, type SlotModel } from './slots.ts';
import { activeServicesAmong, findDoctor } from './repository/catalogue.ts';
import type { AppointmentsDbOrTx } from './repository/db.ts';

/** `SlotWindow` before its slots are worked out: a query for `{ from to }` alone expands nothing. */
export interface SlotWindowModel {
  readonly doctorId: string;
  /** Null: every service the doctor offers. */
  readonly serviceId: string | null;
  readonly serviceIds: readonly string[];
  readonly from: Date;
  readonly to: Date;
}

/** `slotWindow` (and, through the router, `slotsChanged`) as a client asks it: each argument checked and named as written. */
export async function slotWindow(db: AppointmentsDbOrTx, args: { doctorId: string; serviceId?: string | null; from: Date; to: Date }): Promise<SlotWindowModel> {
  checkId('doctorId', args.doctorId);
  const serviceId = checkOptionalId('serviceId', args.serviceId);
  checkRange(args.from, args.to, MAX_SEARCH_DAYS);
  const [doctor, service] = await Promise.all([findDoctor(db, args.doctorId), serviceId ? activeService(db, serviceId) : null]);
  if (!doctor) throw notFound('Doctor', args.doctorId);
  if (service && !doctor.serviceIds.includes(service.id)) throw badUserInput('serviceId', `${doctor.name} does not offer ${service.name}`);
  return { doctorId: doctor.id, serviceId, serviceIds: serviceId ? [serviceId] : doctor.serviceIds, from: args.from, to: args.to };
}

/** The window's free slots, earliest first; for several services, each service's own grid. */
export async function slotsOfWindow(db: AppointmentsDbOrTx, window: SlotWindowModel, now: Date): Promise<SlotModel[]> {
  // An explicit service was checked active; of the doctor's list, a retired one simply has no slots.
  const serviceIds = window.serviceId ? [window.serviceId] : (await activeServicesAmong(db, window.serviceIds)).map((s) => s.id);
  const perService = await Promise.all(serviceIds.map((serviceId) => searchSlots(db, { serviceId, from: window.from, to: window.to, now, doctorIds: [window.doctorId], limit: MAX_SLOTS })));
  const slots = perService.flat();
  if (perService.length > 1) slots.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0));
  return slots.slice(0, MAX_SLOTS);
}
