import DataLoader from 'dataloader';
import { alignById, type BaseContext } from '@medappt/platform';
import type { TokenIssuer } from './adapters/token-issuer.ts';
import type { UserRow } from './db/schema.ts';
import type { ThrottleLimits } from './domain/login-throttle.ts';
import type { SignUpLimits } from './domain/sign-up-rules.ts';
import type { UsersDb } from './repository/db.ts';
import { findUsersByIds } from './repository/users.ts';

/** What the process gives every request: the use cases need nothing else. */
export interface UsersDeps {
  readonly db: UsersDb;
  readonly tokens: TokenIssuer;
  readonly loginThrottle: ThrottleLimits;
  readonly signUpLimits: SignUpLimits;
  /** Wakes the sign-up mail worker once a sign-up has queued an email. */
  readonly signUpMailQueued: () => void;
}

export interface UsersContext extends BaseContext, UsersDeps {
  readonly loaders: { readonly userById: DataLoader<string, UserRow | null> };
}

/** Loaders live per request, so one request's batch never serves another's caller. */
export function createUsersContext(base: BaseContext, deps: UsersDeps): UsersContext {
  return {
    ...base,
    ...deps,
    loaders: {
      userById: new DataLoader(async (ids) => alignById(ids, await findUsersByIds(deps.db, ids))),
    },
  };
}
