import { checkOptionalText, pageSize, requireRole } from '@medappt/platform';
import { normaliseEmail } from '../../domain/account-rules.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listLoginAttempts } from '../../repository/login-attempts.ts';

export const loginAttempts: NonNullable<QueryResolvers['loginAttempts']> = async (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  const first = pageSize(args.first, { default: 50, max: 500 });
  const email = checkOptionalText('email', args.email, 'email');
  const ip = checkOptionalText('ip', args.ip, 'code');
  return listLoginAttempts(ctx.db, { email: email ? normaliseEmail(email) : null, ip, first });
};
