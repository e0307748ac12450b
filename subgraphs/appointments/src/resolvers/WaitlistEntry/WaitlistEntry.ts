import type { WaitlistEntryResolvers } from '../../generated/resolvers-types.ts';
import { visibleAppointment } from '../../use-cases/visible-appointments.ts';

export const WaitlistEntry: WaitlistEntryResolvers = {
  service: (e) => ({ id: e.serviceId }),
  doctor: (e) => (e.doctorId ? { id: e.doctorId } : null),
  from: (e) => e.windowStart,
  to: (e) => e.windowEnd,
  offeredDoctor: (e) => (e.offeredDoctorId ? { id: e.offeredDoctorId } : null),
  fulfilledAppointment: (e, _args, ctx) => (e.fulfilledAppointmentId ? visibleAppointment(ctx, e.fulfilledAppointmentId) : null),
};
