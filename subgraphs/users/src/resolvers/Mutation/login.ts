import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const login: NonNullable<MutationResolvers['login']> = (_parent, { input }, ctx) =>
  ctx.accounts.login(input, { ip: ctx.clientIp, userAgent: ctx.userAgent, requestId: ctx.requestId });
