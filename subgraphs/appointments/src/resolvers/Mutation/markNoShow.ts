import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { changeStatus } from '../../use-cases/change-status.ts';

export const markNoShow: NonNullable<MutationResolvers['markNoShow']> = (_parent, { id }, ctx) => changeStatus(ctx, { id, action: 'MARK_NO_SHOW' });
