import { DateTimeScalar } from '@medappt/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { createUser } from './Mutation/createUser.ts';
import { disableUser } from './Mutation/disableUser.ts';
import { login } from './Mutation/login.ts';
import { logout } from './Mutation/logout.ts';
import { refreshToken } from './Mutation/refreshToken.ts';
import { register } from './Mutation/register.ts';
import { loginAttempts } from './Query/loginAttempts.ts';
import { me } from './Query/me.ts';
import { User } from './User/User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { me, loginAttempts },
  Mutation: { register, login, refreshToken, logout, createUser, disableUser },
  User,
};
