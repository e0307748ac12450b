import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { changeStatus } from '../../use-cases/change-status.ts';

export const declineAppointment: NonNullable<MutationResolvers['declineAppointment']> = (_parent, { id, reason }, ctx) =>
  changeStatus(ctx, { id, action: 'DECLINE', reason });
