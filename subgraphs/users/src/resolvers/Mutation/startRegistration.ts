import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const startRegistration: NonNullable<MutationResolvers['startRegistration']> = (_parent, { input }, ctx) =>
  ctx.signUp.start(input, { ip: ctx.clientIp, userAgent: ctx.userAgent, requestId: ctx.requestId });
