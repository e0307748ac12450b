import type { AppointmentResolvers } from '../../generated/resolvers-types.ts';
import { getAppointmentInvoice } from '../../use-cases/read-invoices.ts';

export const Appointment: AppointmentResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  invoice: (appointment, _args, ctx) => getAppointmentInvoice(ctx, { appointmentId: appointment.id }),
};
