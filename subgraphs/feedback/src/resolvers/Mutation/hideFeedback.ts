import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { hideFeedback as hide } from '../../use-cases/hide-feedback.ts';

export const hideFeedback: NonNullable<MutationResolvers['hideFeedback']> = (_parent, args, ctx) => hide(ctx, args);
