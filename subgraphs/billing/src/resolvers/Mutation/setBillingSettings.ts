import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { setBillingSettings as setSettings } from '../../use-cases/set-billing-settings.ts';

export const setBillingSettings: NonNullable<MutationResolvers['setBillingSettings']> = (_parent, { input }, ctx) => setSettings(ctx, input);
