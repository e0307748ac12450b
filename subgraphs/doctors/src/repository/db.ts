import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type DoctorsDb = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API; accept both where either fits. */
export type DoctorsTx = Parameters<Parameters<DoctorsDb['transaction']>[0]>[0];
export type DoctorsDbOrTx = DoctorsDb | DoctorsTx;
