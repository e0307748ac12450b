import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { changeStatus } from '../../use-cases/change-status.ts';

export const approveAppointment: NonNullable<MutationResolvers['approveAppointment']> = (_parent, { id }, ctx) => changeStatus(ctx, { id, action: 'APPROVE' });
