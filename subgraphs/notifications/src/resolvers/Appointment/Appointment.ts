import type { AppointmentResolvers } from '../../generated/resolvers-types.ts';
import { listAppointmentReminders } from '../../use-cases/list-appointment-reminders.ts';

export const Appointment: AppointmentResolvers = {
  reminders: (appointment, _args, ctx) => listAppointmentReminders(ctx, { appointmentId: appointment.id }),
};
