import type { BillingSettingsResolvers } from '../../generated/resolvers-types.ts';

export const BillingSettings: BillingSettingsResolvers = {
  noShowFee: (s) => ({ amountCents: s.noShowFeeCents, currency: s.currency }),
  lateCancellationFee: (s) => ({ amountCents: s.lateCancellationFeeCents, currency: s.currency }),
};
