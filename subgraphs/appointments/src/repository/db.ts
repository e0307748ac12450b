import type { TxOf } from '@medappt/platform';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from '../db/schema.ts';

export type AppointmentsDb = PostgresJsDatabase<typeof schema>;
export type AppointmentsTx = TxOf<AppointmentsDb>;
export type AppointmentsDbOrTx = AppointmentsDb | AppointmentsTx;
