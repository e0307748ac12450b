import { checkOptionalText, pageSize, requireRole } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { LoginAttemptRow } from '../db/schema.ts';
import { normaliseEmail } from '../domain/account-rules.ts';
import type { QueryLoginAttemptsArgs } from '../generated/resolvers-types.ts';
import { listLoginAttempts } from '../repository/login-attempts.ts';

/** The login audit, newest first (ADMIN). */
export async function findLoginAttempts(ctx: UsersContext, args: QueryLoginAttemptsArgs): Promise<LoginAttemptRow[]> {
  requireRole(ctx.auth, 'ADMIN');
  const first = pageSize(args.first, { default: 50, max: 500 });
  const email = checkOptionalText('email', args.email, 'email');
  const ip = checkOptionalText('ip', args.ip, 'code');
  return listLoginAttempts(ctx.db, { email: email ? normaliseEmail(email) : null, ip, first });
}
