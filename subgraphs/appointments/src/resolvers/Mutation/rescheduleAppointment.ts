import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/reschedule-appointment.ts';

export const rescheduleAppointment: NonNullable<MutationResolvers['rescheduleAppointment']> = (_parent, args, ctx) => useCase.rescheduleAppointment(ctx, args);
