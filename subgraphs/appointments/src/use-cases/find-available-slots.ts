import { badUserInput, checkOptionalText, notFound, rejectProblems } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { idProblems } from '../domain/ids.ts';
import { MAX_SEARCH_DAYS, windowProblems } from '../domain/time-windows.ts';
import type { QueryAvailableSlotsArgs } from '../generated/resolvers-types.ts';
import { findClinic, findDoctor, isKnownSpecialty } from '../repository/catalogue.ts';
import { searchSlots, slotLimit, type SlotModel } from './slot-search.ts';

/** `availableSlots` as a client asks it: each argument checked and named as written. Public. */
export async function findAvailableSlots(ctx: AppointmentsContext, args: QueryAvailableSlotsArgs): Promise<SlotModel[]> {
  rejectProblems([
    ...idProblems({ serviceId: args.serviceId, doctorId: args.doctorId, clinicId: args.clinicId }),
    ...windowProblems(args, { maxDays: MAX_SEARCH_DAYS, hint: 'search in smaller windows' }),
  ]);
  const doctorId = args.doctorId ?? null;
  const clinicId = args.clinicId ?? null;
  const specialty = checkOptionalText('specialty', args.specialty, 'search');
  const [doctor, clinic, knownSpecialty] = await Promise.all([
    doctorId ? findDoctor(ctx.db, doctorId) : true,
    clinicId ? findClinic(ctx.db, clinicId) : true,
    specialty ? isKnownSpecialty(ctx.db, specialty) : true,
  ]);
  if (!doctor) throw notFound('Doctor', doctorId ?? '');
  if (!clinic) throw notFound('Clinic', clinicId ?? '');
  // A typo ("cardiolgy") is not a specialty nobody offers this week: say so instead of [].
  if (!knownSpecialty) throw badUserInput('specialty', `no doctor has the specialty "${specialty}"; the \`specialties\` query lists them`);
  return searchSlots(ctx.db, {
    serviceId: args.serviceId,
    from: args.from,
    to: args.to,
    now: ctx.now(),
    specialty,
    clinicId,
    doctorIds: doctorId ? [doctorId] : null,
    limit: slotLimit(args.first, 100),
  });
}
