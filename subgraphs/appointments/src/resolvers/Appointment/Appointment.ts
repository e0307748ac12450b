import { maySeeAppointment } from '../../domain/access.ts';
import { localStartOf } from '../../domain/zoned-time.ts';
import type { AppointmentResolvers } from '../../generated/resolvers-types.ts';
import { partyDetail, visibleAppointment } from '../../use-cases/visible-appointments.ts';

export const Appointment: AppointmentResolvers = {
  __resolveReference: (reference, ctx) => visibleAppointment(ctx, reference.id),
  start: (a) => a.startAt,
  end: (a) => a.endAt,
  localStart: (a) => localStartOf(a.startAt, a.timeZone),
  doctor: (a) => ({ id: a.doctorId }),
  reason: (a, _args, ctx) => partyDetail(ctx, a, a.reason),
  patient: (a, _args, ctx) => partyDetail(ctx, a, { id: a.patientId }),
  service: (a) => ({ id: a.serviceId }),
  history: (a, _args, ctx) => (maySeeAppointment(ctx.auth.viewer, a) ? ctx.loaders.historyOf.load(a.id) : []),
};
