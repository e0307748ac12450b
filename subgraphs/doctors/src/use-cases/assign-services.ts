import { requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { DoctorRow } from '../db/schema.ts';
import type { MutationAssignServicesArgs } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { assignServices as insertAssignments } from '../repository/doctor-services.ts';
import { lockDoctor, requireActiveServices, touched } from './doctor-steps.ts';

/** Adds active services to what a doctor offers (ADMIN, STAFF); ones already assigned are left as they are. */
export async function assignServices(ctx: DoctorsContext, { doctorId, serviceIds }: MutationAssignServicesArgs): Promise<DoctorRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  return ctx.db.transaction(async (tx) => {
    const doctor = await lockDoctor(tx, doctorId);
    const ids = await requireActiveServices(tx, serviceIds, 'serviceIds');
    const added = await insertAssignments(tx, doctor.id, ids);
    if (added.length === 0) return doctor;
    await audit(tx, actor, { action: 'doctor.assignServices', entityType: 'Doctor', entityId: doctor.id, changes: { addedServiceIds: added } });
    return touched(tx, doctor.id);
  });
}
