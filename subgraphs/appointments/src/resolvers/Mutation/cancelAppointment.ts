import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { changeStatus } from '../../use-cases/change-status.ts';

export const cancelAppointment: NonNullable<MutationResolvers['cancelAppointment']> = (_parent, { id, reason, override }, ctx) =>
  changeStatus(ctx, { id, action: 'CANCEL', reason, override });
