import { isUuid, notFound, requireRole } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { DoctorRow } from '../db/schema.ts';
import type { MutationUnassignServiceArgs } from '../generated/resolvers-types.ts';
import { audit } from '../repository/admin-actions.ts';
import { unassignService as deleteAssignment } from '../repository/doctor-services.ts';
import { findMedicalServicesByIds } from '../repository/medical-services.ts';
import { lockDoctor, touched } from './doctor-steps.ts';

/** Removes a service from what a doctor offers (ADMIN, STAFF); one not assigned is not an error. */
export async function unassignService(ctx: DoctorsContext, { doctorId, serviceId }: MutationUnassignServiceArgs): Promise<DoctorRow> {
  const actor = requireRole(ctx.auth, 'ADMIN', 'STAFF');
  return ctx.db.transaction(async (tx) => {
    const doctor = await lockDoctor(tx, doctorId);
    const [service] = isUuid(serviceId) ? await findMedicalServicesByIds(tx, [serviceId]) : [];
    if (!service) throw notFound('Medical service', serviceId);
    if (!(await deleteAssignment(tx, doctor.id, service.id))) return doctor;
    await audit(tx, actor, { action: 'doctor.unassignService', entityType: 'Doctor', entityId: doctor.id, changes: { removedServiceId: service.id } });
    return touched(tx, doctor.id);
  });
}
