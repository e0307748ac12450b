import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type AppointmentsDb = PostgresJsDatabase<typeof schema>;
export type AppointmentsTx = Parameters<Parameters<AppointmentsDb['transaction']>[0]>[0];
export type AppointmentsDbOrTx = AppointmentsDb | AppointmentsTx;
