import { pageSize, requireRole } from '@medappt/platform';
import { normaliseEmail } from '../../domain/account-rules.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listLoginAttempts } from '../../repository/login-attempts.ts';

export const loginAttempts: NonNullable<QueryResolvers['loginAttempts']> = async (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  const first = pageSize(args.first, { default: 50, max: 500 });
  return listLoginAttempts(ctx.db, { email: args.email ? normaliseEmail(args.email) : null, ip: args.ip ?? null, first });
};
