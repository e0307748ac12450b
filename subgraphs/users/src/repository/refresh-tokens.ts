import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { refreshTokens, type RefreshTokenRow } from '../db/schema.ts';
import type { UsersDbOrTx } from './db.ts';

export async function insertRefreshToken(
  db: UsersDbOrTx,
  token: { userId: string; familyId?: string; hash: string; expiresAt: Date },
): Promise<{ familyId: string }> {
  const familyId = token.familyId ?? randomUUID();
  await db.insert(refreshTokens).values({ userId: token.userId, familyId, tokenHash: token.hash, expiresAt: token.expiresAt });
  return { familyId };
}

/** Locks the row so two concurrent refreshes with one token cannot both rotate it. */
export async function findRefreshTokenForUpdate(db: UsersDbOrTx, hash: string): Promise<RefreshTokenRow | null> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash)).for('update').limit(1);
  return row ?? null;
}

export async function markRotated(db: UsersDbOrTx, id: string, at: Date): Promise<void> {
  await db.update(refreshTokens).set({ rotatedAt: at }).where(eq(refreshTokens.id, id));
}

export async function revokeFamily(db: UsersDbOrTx, familyId: string, reason: string, at: Date): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

export async function revokeAllOf(db: UsersDbOrTx, userId: string, reason: string, at: Date): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
