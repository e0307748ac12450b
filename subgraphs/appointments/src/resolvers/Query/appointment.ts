import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getAppointment } from '../../use-cases/get-appointment.ts';

export const appointment: NonNullable<QueryResolvers['appointment']> = (_parent, args, ctx) => getAppointment(ctx, args);
