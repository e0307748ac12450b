import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/approve-appointments.ts';

export const approveAppointments: NonNullable<MutationResolvers['approveAppointments']> = (_parent, args, ctx) => useCase.approveAppointments(ctx, args);
