import type { TxOf } from '@medappt/platform';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type FeedbackDb = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API; accept both where either fits. */
export type FeedbackTx = TxOf<FeedbackDb>;
export type FeedbackDbOrTx = FeedbackDb | FeedbackTx;
