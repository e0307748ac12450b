import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { submitFeedback as submit } from '../../use-cases/submit-feedback.ts';

export const submitFeedback: NonNullable<MutationResolvers['submitFeedback']> = (_parent, { input }, ctx) => submit(ctx, input);
