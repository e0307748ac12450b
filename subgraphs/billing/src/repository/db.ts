import type { TxOf } from '@medappt/platform';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type BillingDb = PostgresJsDatabase<typeof schema>;
export type BillingTx = TxOf<BillingDb>;
export type BillingDbOrTx = BillingDb | BillingTx;
