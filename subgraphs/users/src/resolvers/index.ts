import { DateTimeScalar } from '@medappt/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { AdminAction } from './AdminAction/AdminAction.ts';
import { createUser } from './Mutation/createUser.ts';
import { disableUser } from './Mutation/disableUser.ts';
import { enableUser } from './Mutation/enableUser.ts';
import { login } from './Mutation/login.ts';
import { logout } from './Mutation/logout.ts';
import { refreshToken } from './Mutation/refreshToken.ts';
import { completeRegistration } from './Mutation/completeRegistration.ts';
import { startRegistration } from './Mutation/startRegistration.ts';
import { setUserRole } from './Mutation/setUserRole.ts';
import { loginAttempts } from './Query/loginAttempts.ts';
import { me } from './Query/me.ts';
import { users } from './Query/users.ts';
import { usersAdminLog } from './Query/usersAdminLog.ts';
import { User } from './User/User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { me, loginAttempts, users, usersAdminLog },
  Mutation: { startRegistration, completeRegistration, login, refreshToken, logout, createUser, disableUser, enableUser, setUserRole },
  User,
  AdminAction,
};
