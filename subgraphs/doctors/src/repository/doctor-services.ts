import { and, eq } from 'drizzle-orm';
import { doctorServices } from '../db/schema.ts';
import type { DoctorsDbOrTx } from './db.ts';

/** Adds the assignments that do not exist yet; returns the service ids that were added. */
export async function assignServices(db: DoctorsDbOrTx, doctorId: string, serviceIds: readonly string[]): Promise<string[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .insert(doctorServices)
    .values(serviceIds.map((serviceId) => ({ doctorId, serviceId })))
    .onConflictDoNothing()
    .returning({ serviceId: doctorServices.serviceId });
  return rows.map((row) => row.serviceId);
}

/** Returns whether the assignment existed. */
export async function unassignService(db: DoctorsDbOrTx, doctorId: string, serviceId: string): Promise<boolean> {
  const rows = await db
    .delete(doctorServices)
    .where(and(eq(doctorServices.doctorId, doctorId), eq(doctorServices.serviceId, serviceId)))
    .returning({ serviceId: doctorServices.serviceId });
  return rows.length > 0;
}

export async function serviceIdsOfDoctor(db: DoctorsDbOrTx, doctorId: string): Promise<string[]> {
  const rows = await db
    .select({ serviceId: doctorServices.serviceId })
    .from(doctorServices)
    .where(eq(doctorServices.doctorId, doctorId))
    .orderBy(doctorServices.serviceId);
  return rows.map((row) => row.serviceId);
}
