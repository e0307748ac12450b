import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type NotificationsDb = PostgresJsDatabase<typeof schema>;
export type NotificationsTx = Parameters<Parameters<NotificationsDb['transaction']>[0]>[0];
export type NotificationsDbOrTx = NotificationsDb | NotificationsTx;
