import type { TxOf } from '@medappt/platform';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type DoctorsDb = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API; accept both where either fits. */
export type DoctorsTx = TxOf<DoctorsDb>;
export type DoctorsDbOrTx = DoctorsDb | DoctorsTx;
