import type { TxOf } from '@medappt/platform';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type NotificationsDb = PostgresJsDatabase<typeof schema>;
export type NotificationsTx = TxOf<NotificationsDb>;
export type NotificationsDbOrTx = NotificationsDb | NotificationsTx;
