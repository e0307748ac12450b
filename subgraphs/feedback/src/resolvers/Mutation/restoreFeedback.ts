import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { restoreFeedback as restore } from '../../use-cases/restore-feedback.ts';

export const restoreFeedback: NonNullable<MutationResolvers['restoreFeedback']> = (_parent, args, ctx) => restore(ctx, args);
