import { badUserInput, requireRole } from '@medappt/platform';
import { normaliseEmail } from '../../domain/account-rules.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listLoginAttempts } from '../../repository/login-attempts.ts';

export const loginAttempts: NonNullable<QueryResolvers['loginAttempts']> = async (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  const first = args.first ?? 50;
  if (first < 1 || first > 500) throw badUserInput('first', 'must be between 1 and 500');
  return listLoginAttempts(ctx.db, { email: args.email ? normaliseEmail(args.email) : null, ip: args.ip ?? null, first });
};
