import type { PaymentResolvers } from '../../generated/resolvers-types.ts';

export const Payment: PaymentResolvers = {
  amount: (payment) => ({ amountCents: payment.amountCents, currency: payment.currency }),
};
