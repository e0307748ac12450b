/** What the resolvers of each type receive (adr/013); codegen reads the `<Type>Mapper` exports. */
import type { AdminActionRow } from '@medappt/platform';
import type { LoginAttemptRow, UserRow } from './db/schema.ts';

export type UserMapper = UserRow;
export type LoginAttemptMapper = LoginAttemptRow;
export type AdminActionMapper = AdminActionRow;

/** A signed-in session: its first (or rotated) tokens and the account they belong to. */
export interface AuthPayloadMapper {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
}
