import DataLoader from 'dataloader';
import { alignById, type BaseContext } from '@medappt/platform';
import type { Accounts } from './accounts.ts';
import type { UserRow } from './db/schema.ts';
import type { SignUp } from './sign-up.ts';
import type { UsersDb } from './repository/db.ts';
import { findUsersByIds } from './repository/users.ts';

export interface UsersContext extends BaseContext {
  readonly db: UsersDb;
  readonly accounts: Accounts;
  readonly signUp: SignUp;
  readonly loaders: { readonly userById: DataLoader<string, UserRow | null> };
}

/** Loaders live per request, so one request's batch never serves another's caller. */
export function createUsersContext(base: BaseContext, deps: { db: UsersDb; accounts: Accounts; signUp: SignUp }): UsersContext {
  return {
    ...base,
    ...deps,
    loaders: {
      userById: new DataLoader(async (ids) => alignById(ids, await findUsersByIds(deps.db, ids))),
    },
  };
}
