import { rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { idProblems } from '../domain/ids.ts';
import { MAX_DOCTOR_SEARCH_DAYS, windowProblems } from '../domain/time-windows.ts';
import type { DoctorFreeSlotsArgs } from '../generated/resolvers-types.ts';
import { searchSlots, slotLimit, type SlotModel } from './slot-search.ts';

/** `Doctor.freeSlots`: the doctor is the entity; the service is an argument. Public. */
export async function listFreeSlots(ctx: AppointmentsContext, input: DoctorFreeSlotsArgs & { doctorId: string }): Promise<SlotModel[]> {
  rejectProblems([
    ...idProblems({ serviceId: input.serviceId }),
    ...windowProblems(input, { maxDays: MAX_DOCTOR_SEARCH_DAYS, hint: 'search in smaller windows' }),
  ]);
  return searchSlots(ctx.db, {
    serviceId: input.serviceId,
    from: input.from,
    to: input.to,
    now: ctx.now(),
    doctorIds: [input.doctorId],
    limit: slotLimit(input.first, 500),
  });
}
