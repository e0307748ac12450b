import type { AppointmentResolvers } from '../../generated/resolvers-types.ts';
import { readAppointmentFeedback } from '../../use-cases/read-appointment-feedback.ts';

export const Appointment: AppointmentResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  feedback: (appointment, _args, ctx) => readAppointmentFeedback(ctx, appointment.id),
};
