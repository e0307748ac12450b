import type { ClinicResolvers } from '../../generated/resolvers-types.ts';
import { policyOfClinic } from '../../use-cases/clinic-policies.ts';
import { listClinicPendingRequests } from '../../use-cases/list-clinic-pending-requests.ts';
import { listClinicSchedule } from '../../use-cases/list-clinic-schedule.ts';

export const Clinic: ClinicResolvers = {
  policy: (clinic, _args, ctx) => policyOfClinic(ctx, clinic.id, ctx.db),
  schedule: (clinic, args, ctx) => listClinicSchedule(ctx, { ...args, clinicId: clinic.id }),
  pendingRequests: (clinic, _args, ctx) => listClinicPendingRequests(ctx, { clinicId: clinic.id }),
};
