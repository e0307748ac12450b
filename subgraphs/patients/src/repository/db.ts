import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type PatientsDb = PostgresJsDatabase<typeof schema>;
export type PatientsTx = Parameters<Parameters<PatientsDb['transaction']>[0]>[0];
export type PatientsDbOrTx = PatientsDb | PatientsTx;
