import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { changeStatus } from '../../use-cases/change-status.ts';

export const completeAppointment: NonNullable<MutationResolvers['completeAppointment']> = (_parent, { id, override }, ctx) =>
  changeStatus(ctx, { id, action: 'COMPLETE', override });
