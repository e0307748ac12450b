import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { updateFeedback as update } from '../../use-cases/update-feedback.ts';

export const updateFeedback: NonNullable<MutationResolvers['updateFeedback']> = (_parent, args, ctx) => update(ctx, args);
