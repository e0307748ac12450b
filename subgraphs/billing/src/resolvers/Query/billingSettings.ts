import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getBillingSettings } from '../../use-cases/set-billing-settings.ts';

export const billingSettings: NonNullable<QueryResolvers['billingSettings']> = (_parent, { clinicId }, ctx) => getBillingSettings(ctx, { clinicId });
