import type { TxOf } from '@medappt/platform';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type PatientsDb = PostgresJsDatabase<typeof schema>;
export type PatientsTx = TxOf<PatientsDb>;
export type PatientsDbOrTx = PatientsDb | PatientsTx;
