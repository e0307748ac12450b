import { badUserInput, notFound, rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { idProblems } from '../domain/ids.ts';
import { MAX_SEARCH_DAYS, windowProblems } from '../domain/time-windows.ts';
import type { QuerySlotWindowArgs } from '../generated/resolvers-types.ts';
import { findDoctor } from '../repository/catalogue.ts';
import { activeService } from './slot-search.ts';

/** `SlotWindow` before its slots are worked out: a query for `{ from to }` alone expands nothing. */
export interface SlotWindowModel {
  readonly doctorId: string;
  /** Null: every service the doctor offers. */
  readonly serviceId: string | null;
  readonly serviceIds: readonly string[];
  readonly from: Date;
  readonly to: Date;
}

/** `slotWindow` (and, through the router, `slotsChanged`) as a client asks it: each argument checked and named as written. Public. */
export async function openSlotWindow(ctx: AppointmentsContext, args: QuerySlotWindowArgs): Promise<SlotWindowModel> {
  rejectProblems([
    ...idProblems({ doctorId: args.doctorId, serviceId: args.serviceId }),
    ...windowProblems(args, { maxDays: MAX_SEARCH_DAYS, hint: 'search in smaller windows' }),
  ]);
  const serviceId = args.serviceId ?? null;
  const [doctor, service] = await Promise.all([findDoctor(ctx.db, args.doctorId), serviceId ? activeService(ctx.db, serviceId) : null]);
  if (!doctor) throw notFound('Doctor', args.doctorId);
  if (service && !doctor.serviceIds.includes(service.id)) throw badUserInput('serviceId', `${doctor.name} does not offer ${service.name}`);
  return { doctorId: doctor.id, serviceId, serviceIds: serviceId ? [serviceId] : doctor.serviceIds, from: args.from, to: args.to };
}
