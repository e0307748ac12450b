import type { DoctorResolvers } from '../../generated/resolvers-types.ts';
import { listDoctorSchedule } from '../../use-cases/list-doctor-schedule.ts';
import { listFreeSlots } from '../../use-cases/list-free-slots.ts';
import { listPendingRequests } from '../../use-cases/list-pending-requests.ts';

export const Doctor: DoctorResolvers = {
  freeSlots: (doctor, args, ctx) => listFreeSlots(ctx, { ...args, doctorId: doctor.id }),
  schedule: (doctor, args, ctx) => listDoctorSchedule(ctx, { ...args, doctorId: doctor.id }),
  pendingRequests: (doctor, _args, ctx) => listPendingRequests(ctx, { doctorId: doctor.id }),
  availability: (doctor, _args, ctx) => ctx.loaders.availabilityOfDoctor.load(doctor.id),
};
